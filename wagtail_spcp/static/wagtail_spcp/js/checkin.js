/* Check-in screen: search as staff type, and check people in without reloading.
 *
 * Without this script the page still works: the search is a GET form and each
 * check-in button posts a form. With it, the results are fetched as an HTML fragment
 * (debounced), and a tap posts the same form and swaps in the row and counts it gets back.
 */
(function () {
    "use strict";

    var DEBOUNCE_MS = 250;
    var HEADERS = { "X-Requested-With": "fetch" };

    function setUp(root) {
        var input = root.querySelector("#spcp-checkin-q");
        var results = root.querySelector("#spcp-checkin-results");
        var counts = root.querySelector("#spcp-checkin-counts");
        var status = root.querySelector("#spcp-checkin-status");
        var timer = null;
        var pending = null;

        function search() {
            if (pending) {
                pending.abort();
            }
            pending = new AbortController();
            var query = new URLSearchParams({ q: input.value.trim() });
            fetch(root.dataset.searchUrl + "?" + query, {
                headers: HEADERS,
                credentials: "same-origin",
                signal: pending.signal,
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(response.status);
                    }
                    return response.text();
                })
                .then(function (html) {
                    results.innerHTML = html;
                    window.history.replaceState(null, "", "?" + query);
                })
                .catch(function () {
                    /* an aborted or failed search leaves the last results */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(search, DEBOUNCE_MS);
        });

        root.addEventListener("submit", function (event) {
            var form = event.target;
            if (!form.matches("[data-spcp-checkin-toggle]")) {
                return;
            }
            event.preventDefault();
            var button = form.querySelector("button");
            button.disabled = true;
            var data = new FormData(form);
            data.set("q", input.value.trim());
            // Not form.action: the form has a field named "action".
            fetch(form.getAttribute("action"), {
                method: "POST",
                body: data,
                headers: HEADERS,
                credentials: "same-origin",
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(response.status);
                    }
                    return response.json();
                })
                .then(function (payload) {
                    var row = form.closest("li");
                    var id = row.id;
                    row.outerHTML = payload.row;
                    counts.innerHTML = payload.counts;
                    status.textContent = payload.message;
                    var next = document.getElementById(id);
                    if (next) {
                        next.querySelector("button").focus();
                    }
                })
                .catch(function () {
                    button.disabled = false;
                    form.submit();
                });
        });
    }

    function start() {
        document.querySelectorAll("[data-spcp-checkin]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
