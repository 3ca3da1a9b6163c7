PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INDEX_DIR ?= index
CORPUS := corpus

.PHONY: run test index eval bench clean

# The virtual environment is rebuilt whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Rebuilt when missing or older than any file of the corpus.
$(INDEX_DIR)/.built: $(VENV)/.installed $(shell find $(CORPUS) -type f 2>/dev/null)
	$(PY) -m indexer build --corpus $(CORPUS) --index $(INDEX_DIR)
	touch $@

index: $(INDEX_DIR)/.built

run: $(INDEX_DIR)/.built
	INDEX_DIR=$(INDEX_DIR) $(VENV)/bin/flask --app webui run --host 127.0.0.1 --port 5000

test: $(VENV)/.installed
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) $(INDEX_DIR)
