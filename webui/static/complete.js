// Search as you type: the ARIA combobox pattern over the plain search form, which works without this script.
(function () {
  "use strict";
  var KINDS = { title: "başlıq", partner: "tərəfdaş", term: "söz" };
  var DELAY_MS = 120;

  function init() {
    var input = document.getElementById("q");
    if (!input || !window.fetch) { return; }
    var form = input.form;
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var active = -1, options = [], timer = null, pending = null;

    list.id = "q-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Təkliflər");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function show(suggestions) {
      list.textContent = "";
      options = suggestions.map(function (suggestion, i) {
        var item = document.createElement("li");
        var kind = document.createElement("span");
        item.id = "q-suggestion-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = suggestion.value;
        kind.className = "suggestion-kind";
        kind.textContent = KINDS[suggestion.kind] || "";
        item.appendChild(kind);
        item.dataset.value = suggestion.value;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep focus in the box
        item.addEventListener("click", function () { choose(i); });
        list.appendChild(item);
        return item;
      });
      active = -1;
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = options.length + " təklif; seçmək üçün aşağı oxu basın";
      } else {
        close();
        status.textContent = "";
      }
    }

    function highlight(index) {
      options.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      input.value = options[index].dataset.value;
      close();
      form.submit();
    }

    function fetchSuggestions() {
      var prefix = input.value;
      if (pending) { pending.abort(); }
      if (!prefix.trim()) { show([]); return; }
      pending = new AbortController();
      fetch(input.dataset.completeUrl + "?q=" + encodeURIComponent(prefix), { signal: pending.signal })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (answer) { if (input.value === prefix) { show(answer.suggestions || []); } })
        .catch(function () { /* suggestions are a help, never a requirement: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && !list.hidden && options.length) {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
