"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 15:11:39.037964
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('boundaries',
    sa.Column('area_code', sa.String(length=12), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('geojson', sa.Text(), nullable=False),
    sa.Column('is_schematic', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('area_code', name=op.f('pk_boundaries'))
    )
    op.create_table('counties',
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('name_zh', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=60), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('county_code', name=op.f('pk_counties'))
    )
    op.create_table('data_version',
    sa.Column('singleton_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('singleton_id', name=op.f('pk_data_version'))
    )
    op.create_table('datasets',
    sa.Column('dataset_name', sa.String(length=40), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('loaded_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('dataset_name', name=op.f('pk_datasets'))
    )
    op.create_table('import_audit',
    sa.Column('audit_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('dataset_name', sa.String(length=40), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=True),
    sa.Column('file_sha256', sa.String(length=64), nullable=True),
    sa.Column('rows_new', sa.Integer(), nullable=True),
    sa.Column('rows_changed', sa.Integer(), nullable=True),
    sa.Column('rows_unchanged', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('audit_id', name=op.f('pk_import_audit'))
    )
    op.create_table('published_figures',
    sa.Column('figure_key', sa.String(length=60), nullable=False),
    sa.Column('area', sa.String(length=30), nullable=False),
    sa.Column('metric_key', sa.String(length=60), nullable=True),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('relation', sa.String(length=2), server_default='=', nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('period_start', sa.String(length=10), nullable=True),
    sa.Column('period_end', sa.String(length=10), nullable=True),
    sa.Column('source_document', sa.String(length=120), nullable=False),
    sa.Column('source_quote', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('figure_key', name=op.f('pk_published_figures'))
    )
    op.create_table('targets',
    sa.Column('target_key', sa.String(length=60), nullable=False),
    sa.Column('metric_key', sa.String(length=60), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=True),
    sa.Column('target_value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('baseline_year', sa.Integer(), nullable=True),
    sa.Column('baseline_value', sa.Float(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('source_document', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('target_key', name=op.f('pk_targets'))
    )
    op.create_table('charity_organisations',
    sa.Column('organisation_code', sa.String(length=30), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('opening_balance_yuan', sa.Numeric(precision=16, scale=2), server_default='0', nullable=False),
    sa.Column('opening_balance_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_charity_organisations_county_code_counties')),
    sa.PrimaryKeyConstraint('organisation_code', name=op.f('pk_charity_organisations'))
    )
    op.create_table('special_education_enrolment',
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('eligible_count', sa.Integer(), nullable=True),
    sa.Column('special_school_count', sa.Integer(), nullable=False),
    sa.Column('regular_class_count', sa.Integer(), nullable=False),
    sa.Column('home_delivery_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_special_education_enrolment_county_code_counties')),
    sa.PrimaryKeyConstraint('school_year', 'county_code', 'stage', name=op.f('pk_special_education_enrolment'))
    )
    op.create_table('special_education_resources',
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('resource_centre_count', sa.Integer(), nullable=False),
    sa.Column('resource_classroom_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_special_education_resources_county_code_counties')),
    sa.PrimaryKeyConstraint('school_year', 'county_code', name=op.f('pk_special_education_resources'))
    )
    op.create_table('townships',
    sa.Column('township_code', sa.String(length=9), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('name_zh', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('seat_lon', sa.Float(), nullable=True),
    sa.Column('seat_lat', sa.Float(), nullable=True),
    sa.Column('population_count', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_townships_county_code_counties')),
    sa.PrimaryKeyConstraint('township_code', name=op.f('pk_townships'))
    )
    with op.batch_alter_table('townships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_townships_county_code'), ['county_code'], unique=False)

    op.create_table('charity_flows',
    sa.Column('flow_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('flow_date', sa.Date(), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('source_type', sa.String(length=30), nullable=True),
    sa.Column('organisation_code', sa.String(length=30), nullable=False),
    sa.Column('programme_code', sa.String(length=30), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=True),
    sa.Column('beneficiary_group', sa.String(length=30), nullable=True),
    sa.Column('amount_yuan', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_charity_flows_county_code_counties')),
    sa.ForeignKeyConstraint(['organisation_code'], ['charity_organisations.organisation_code'], name=op.f('fk_charity_flows_organisation_code_charity_organisations')),
    sa.PrimaryKeyConstraint('flow_id', name=op.f('pk_charity_flows'))
    )
    with op.batch_alter_table('charity_flows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_charity_flows_flow_date'), ['flow_date'], unique=False)

    op.create_table('community_funds',
    sa.Column('fund_code', sa.String(length=30), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('township_code', sa.String(length=9), nullable=True),
    sa.Column('established_on', sa.Date(), nullable=True),
    sa.Column('raised_yuan', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('micro_project_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_community_funds_county_code_counties')),
    sa.ForeignKeyConstraint(['township_code'], ['townships.township_code'], name=op.f('fk_community_funds_township_code_townships')),
    sa.PrimaryKeyConstraint('fund_code', name=op.f('pk_community_funds'))
    )
    op.create_table('renovations',
    sa.Column('household_ref', sa.String(length=40), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('township_code', sa.String(length=9), nullable=True),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('cost_yuan', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_renovations_county_code_counties')),
    sa.ForeignKeyConstraint(['township_code'], ['townships.township_code'], name=op.f('fk_renovations_township_code_townships')),
    sa.PrimaryKeyConstraint('household_ref', name=op.f('pk_renovations'))
    )
    with op.batch_alter_table('renovations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_renovations_county_code'), ['county_code'], unique=False)

    op.create_table('villages',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('township_code', sa.String(length=9), nullable=False),
    sa.Column('name_zh', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('population_count', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['township_code'], ['townships.township_code'], name=op.f('fk_villages_township_code_townships')),
    sa.PrimaryKeyConstraint('village_code', name=op.f('pk_villages'))
    )
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_villages_township_code'), ['township_code'], unique=False)

    op.create_table('renovation_items',
    sa.Column('household_ref', sa.String(length=40), nullable=False),
    sa.Column('aim_code', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['household_ref'], ['renovations.household_ref'], name=op.f('fk_renovation_items_household_ref_renovations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('household_ref', 'aim_code', name=op.f('pk_renovation_items'))
    )
    op.create_table('stations',
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('station_type', sa.String(length=10), nullable=False),
    sa.Column('county_code', sa.String(length=6), nullable=False),
    sa.Column('township_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=True),
    sa.Column('parent_station_code', sa.String(length=20), nullable=True),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('social_worker_count', sa.Integer(), nullable=False),
    sa.Column('is_benchmark', sa.Boolean(), nullable=False),
    sa.Column('hotline_count', sa.Integer(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['county_code'], ['counties.county_code'], name=op.f('fk_stations_county_code_counties')),
    sa.ForeignKeyConstraint(['township_code'], ['townships.township_code'], name=op.f('fk_stations_township_code_townships')),
    sa.ForeignKeyConstraint(['village_code'], ['villages.village_code'], name=op.f('fk_stations_village_code_villages')),
    sa.PrimaryKeyConstraint('station_code', name=op.f('pk_stations'))
    )
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stations_county_code'), ['county_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_stations_township_code'), ['township_code'], unique=False)

    op.create_table('village_group_population',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('group_code', sa.String(length=30), nullable=False),
    sa.Column('person_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['village_code'], ['villages.village_code'], name=op.f('fk_village_group_population_village_code_villages')),
    sa.PrimaryKeyConstraint('village_code', 'group_code', name=op.f('pk_village_group_population'))
    )
    op.create_table('service_recipients_quarterly',
    sa.Column('quarter', sa.String(length=7), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('group_code', sa.String(length=30), nullable=False),
    sa.Column('registered_count', sa.Integer(), nullable=False),
    sa.Column('visited_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['station_code'], ['stations.station_code'], name=op.f('fk_service_recipients_quarterly_station_code_stations')),
    sa.PrimaryKeyConstraint('quarter', 'station_code', 'group_code', name=op.f('pk_service_recipients_quarterly'))
    )
    op.create_table('station_resources_monthly',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('linked_charity_yuan', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['station_code'], ['stations.station_code'], name=op.f('fk_station_resources_monthly_station_code_stations')),
    sa.PrimaryKeyConstraint('month', 'station_code', name=op.f('pk_station_resources_monthly'))
    )
    op.create_table('village_assignments',
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['station_code'], ['stations.station_code'], name=op.f('fk_village_assignments_station_code_stations')),
    sa.ForeignKeyConstraint(['village_code'], ['villages.village_code'], name=op.f('fk_village_assignments_village_code_villages')),
    sa.PrimaryKeyConstraint('village_code', name=op.f('pk_village_assignments'))
    )
    with op.batch_alter_table('village_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_village_assignments_station_code'), ['station_code'], unique=False)

    op.create_table('visits_monthly',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('group_code', sa.String(length=30), nullable=False),
    sa.Column('home_visit_count', sa.Integer(), nullable=False),
    sa.Column('case_count', sa.Integer(), nullable=False),
    sa.Column('people_served_count', sa.Integer(), nullable=False),
    sa.Column('six_society_visit_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('six_society_case_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('six_society_people_served_count', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['station_code'], ['stations.station_code'], name=op.f('fk_visits_monthly_station_code_stations')),
    sa.PrimaryKeyConstraint('month', 'station_code', 'group_code', name=op.f('pk_visits_monthly'))
    )
    with op.batch_alter_table('visits_monthly', schema=None) as batch_op:
        batch_op.create_index('ix_visits_monthly_station_month', ['station_code', 'month'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('visits_monthly', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_monthly_station_month')

    op.drop_table('visits_monthly')
    with op.batch_alter_table('village_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_village_assignments_station_code'))

    op.drop_table('village_assignments')
    op.drop_table('station_resources_monthly')
    op.drop_table('service_recipients_quarterly')
    op.drop_table('village_group_population')
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stations_township_code'))
        batch_op.drop_index(batch_op.f('ix_stations_county_code'))

    op.drop_table('stations')
    op.drop_table('renovation_items')
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_villages_township_code'))

    op.drop_table('villages')
    with op.batch_alter_table('renovations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_renovations_county_code'))

    op.drop_table('renovations')
    op.drop_table('community_funds')
    with op.batch_alter_table('charity_flows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_charity_flows_flow_date'))

    op.drop_table('charity_flows')
    with op.batch_alter_table('townships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_townships_county_code'))

    op.drop_table('townships')
    op.drop_table('special_education_resources')
    op.drop_table('special_education_enrolment')
    op.drop_table('charity_organisations')
    op.drop_table('targets')
    op.drop_table('published_figures')
    op.drop_table('import_audit')
    op.drop_table('datasets')
    op.drop_table('data_version')
    op.drop_table('counties')
    op.drop_table('boundaries')
