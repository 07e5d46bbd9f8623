"""The NPC briefing: a catalogue of slides built from the data, shown in the browser and exported
to an editable PowerPoint (and PDF), every number with its source, as-of date and snapshot."""
