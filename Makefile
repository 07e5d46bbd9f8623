# Two commands for a fresh machine: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test install browser-deps bench reconcile

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

# The browser tests use Debian's Chromium and CJK fonts; installed here when missing and run as root.
browser-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	  else echo "browser tests need: sudo apt-get install chromium fonts-noto-cjk"; fi; \
	fi

run: install
	$(PY) -m dashboard init-db --demo
	$(PY) -m dashboard users bootstrap
	$(PY) -m dashboard serve --server.address=127.0.0.1 --server.port=$(PORT)

test: install browser-deps
	$(PY) -m pytest -q

reconcile: install
	$(PY) -m dashboard reconcile

bench: install
	$(PY) -m bench
