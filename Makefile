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

# A production WSGI server (waitress), never Flask's debug server.
run: $(INDEX_DIR)/.built
	INDEX_DIR=$(INDEX_DIR) $(VENV)/bin/waitress-serve --host 127.0.0.1 --port 5000 --threads 8 --call webui:create_app

test: $(VENV)/.installed
	$(PY) -m pytest -q

# The evaluations of analysis and extraction (docs/analysis.md, docs/stemmer.md, docs/partners.md).
eval: $(VENV)/.installed
	$(PY) bench/eval_stemming.py
	$(PY) bench/eval_retrieval.py
	$(PY) bench/eval_extraction.py

# Speed at 10,000 and 100,000 documents, beside SQLite FTS5 and Tantivy (docs/performance.md).
bench: $(VENV)/.installed
	$(PY) bench/performance.py

clean:
	rm -rf $(VENV) $(INDEX_DIR)
