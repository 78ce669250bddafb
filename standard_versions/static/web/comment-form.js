/*
 * Character counters for the comment forms of the consultation page. Progressive enhancement
 * only: without this file every form works the same, and the server refuses a text over the
 * limit whole (never cut) and gives it back.
 *
 * Each textarea with data-max-chars gets a visible counter (read with the field through
 * aria-describedby) and its own polite live region, which speaks sparingly: when the text reaches
 * the last tenth of the limit, when it goes over the limit or back under it, and otherwise only
 * after a pause in typing while near or over the limit. The texts come from this script's data
 * attributes, in the page's language; numbers are formatted in that language too.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !String.prototype.normalize || !window.Intl) {
    return;
  }
  var texts = { within: script.dataset.within, over: script.dataset.over };
  var numbers = new Intl.NumberFormat(document.documentElement.lang || "en");
  var NEAR = 0.9;
  var PAUSE_MS = 1500;

  // As the server counts: Unicode characters after NFC, a line break being one.
  function length(value) {
    return Array.from(value.replace(/\r\n?/g, "\n").normalize("NFC")).length;
  }

  function say(template, count, max) {
    return template
      .replace("{count}", numbers.format(count))
      .replace("{max}", numbers.format(max));
  }

  function stateOf(count, max) {
    if (count > max) {
      return "over";
    }
    return count >= max * NEAR ? "near" : "within";
  }

  function attach(textarea) {
    var max = parseInt(textarea.dataset.maxChars, 10);
    if (!(max > 0) || !textarea.id) {
      return;
    }
    var counter = document.createElement("p");
    counter.className = "char-count";
    counter.id = textarea.id + "-count";
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.id = textarea.id + "-count-live";
    live.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", live);
    textarea.insertAdjacentElement("afterend", counter);
    var described = textarea.getAttribute("aria-describedby") || "";
    textarea.setAttribute("aria-describedby", (described + " " + counter.id).trim());

    var last = null;
    var announced = "";
    var timer = null;

    function announce(text) {
      if (text !== announced) {
        live.textContent = text;
        announced = text;
      }
    }

    function update() {
      var count = length(textarea.value);
      var state = stateOf(count, max);
      var text = say(state === "over" ? texts.over : texts.within, count, max);
      counter.textContent = text;
      counter.classList.toggle("char-count--over", state === "over");
      window.clearTimeout(timer);
      if (last === null) {
        // The page's own state (an error summary already speaks for a refused text).
        announced = state === "within" ? "" : text;
      } else if (state !== last && state !== "within") {
        announce(text);
      } else if (state !== last && last === "over") {
        announce(text);
      } else if (state !== "within") {
        timer = window.setTimeout(function () {
          announce(text);
        }, PAUSE_MS);
      }
      last = state;
    }

    textarea.addEventListener("input", update);
    update();
  }

  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-max-chars]"), attach);
})();
