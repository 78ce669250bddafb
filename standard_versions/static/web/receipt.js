/*
 * The receipt's "Copy the tracking id" and "Print this receipt" buttons. Progressive enhancement
 * only: the buttons are hidden in the HTML and shown here, each only when the browser can do it
 * (the Clipboard API needs a secure context). Without JavaScript the id can be selected and
 * copied, and the page printed from the browser's menu, with the same print stylesheet.
 */
(function () {
  "use strict";
  var actions = document.querySelector(".receipt-actions");
  if (!actions) {
    return;
  }
  var status = actions.querySelector(".receipt-actions__status");
  var copy = actions.querySelector("[data-copy]");
  var print = actions.querySelector("[data-print]");

  function tell(text) {
    // Emptied first, so that the same message is announced again after a second click.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.dataset.copy).then(
        function () {
          tell(copy.dataset.copied);
        },
        function () {
          tell(copy.dataset.failed);
        }
      );
    });
  }
  if (print && typeof window.print === "function") {
    print.hidden = false;
    print.addEventListener("click", function () {
      window.print();
    });
  }
  actions.hidden = (!copy || copy.hidden) && (!print || print.hidden);
})();
