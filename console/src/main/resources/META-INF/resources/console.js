// Keeps every countdown (an element with data-resolve-by, an ISO instant, and data-at-risk-within, seconds) saying
// how long is left, and in words whether it is at risk or breached, between the server's renderings; and every
// running agenda item (data-started-at, an ISO instant, and data-timebox-seconds) how long is left of its timebox, or
// in words that it is over time.
(function () {
  function span(seconds) {
    var minutes = Math.floor(Math.abs(seconds) / 60);
    var hours = Math.floor(minutes / 60);
    return (hours > 0 ? hours + " h " : "") + (minutes % 60) + " min";
  }
  function tick() {
    document.querySelectorAll("[data-resolve-by]").forEach(function (element) {
      var left = Math.floor((Date.parse(element.dataset.resolveBy) - Date.now()) / 1000);
      var atRiskWithin = Number(element.dataset.atRiskWithin);
      var state = left <= 0 ? "breached" : left <= atRiskWithin ? "at-risk" : "on-track";
      element.classList.remove("on-track", "at-risk", "breached");
      element.classList.add(state);
      element.textContent = state === "breached" ? "Breached: the deadline passed " + span(left) + " ago"
        : state === "at-risk" ? "At risk: " + span(left) + " left" : "On track: " + span(left) + " left";
    });
  }
  function clock(seconds) {
    var abs = Math.abs(seconds);
    var rest = abs % 60;
    return Math.floor(abs / 60) + " min " + (rest < 10 ? "0" : "") + rest + " s";
  }
  function timeboxes() {
    document.querySelectorAll("[data-started-at]").forEach(function (element) {
      var timebox = Number(element.dataset.timeboxSeconds);
      var left = timebox - Math.floor((Date.now() - Date.parse(element.dataset.startedAt)) / 1000);
      var minutes = Math.round(timebox / 60);
      var over = left <= 0;
      element.classList.remove("running", "over-time");
      element.classList.add(over ? "over-time" : "running");
      element.textContent = over ? "Over time by " + clock(left) + " (timebox " + minutes + " min)"
        : "Running: " + clock(left) + " left of " + minutes + " min";
    });
  }
  setInterval(function () {
    tick();
    timeboxes();
  }, 1000);
})();

// A live page's part that reads itself again when an update arrives (data-live-part, with hx-get, hx-select and the
// trigger "refresh") never goes silently stale: when the read fails, htmx keeps the old content, so the page's status
// region (#live-status) says in words why it could not be refreshed and since when the content is what it shows, the
// part is marked stale, and it is read again after the Retry-After the console answered (or 5 s when the console could
// not be reached); the first read that succeeds clears it. While the live connection is lost, the region says it is
// reconnecting; once it is back, the part is read anew, for the updates that came meanwhile.
(function () {
  var FALLBACK_RETRY_SECONDS = 5;
  var readAt = new Date();
  var retry = null;
  var disconnected = false;

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }
  function clockTime(date) {
    return twoDigits(date.getHours()) + ":" + twoDigits(date.getMinutes()) + ":" + twoDigits(date.getSeconds());
  }
  function say(id, words) {
    var line = document.getElementById(id);
    if (line) {
      line.textContent = words;
    }
  }
  function livePart(element) {
    return element && element.closest ? element.closest("[data-live-part]") : null;
  }
  function problemIn(xhr) {
    var page = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var problem = page.querySelector(".problem");
    return problem ? problem.textContent.trim() : "The console answered " + xhr.status + ".";
  }
  function retryAfterSeconds(xhr) {
    var seconds = Number(xhr.getResponseHeader("Retry-After"));
    return seconds > 0 ? seconds : null;
  }
  function stale(part, problem, seconds) {
    clearTimeout(retry);
    part.classList.add("stale");
    part.setAttribute("aria-describedby", "live-refresh");
    say("live-refresh", "Could not refresh this page: " + problem + " Showing what was last read at "
      + clockTime(readAt) + (seconds ? "; retrying in " + seconds + " s." : "; it is read again with the next update."));
    if (seconds) {
      retry = setTimeout(function () {
        htmx.trigger(part, "refresh");
      }, seconds * 1000);
    }
  }
  document.addEventListener("htmx:responseError", function (event) {
    var part = livePart(event.detail.elt);
    if (part) {
      stale(part, problemIn(event.detail.xhr), retryAfterSeconds(event.detail.xhr));
    }
  });
  document.addEventListener("htmx:sendError", function (event) {
    var part = livePart(event.detail.elt);
    if (part) {
      stale(part, "The console cannot be reached.", FALLBACK_RETRY_SECONDS);
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.elt.matches && event.detail.elt.matches("[data-live-part]")) {
      clearTimeout(retry);
      readAt = new Date();
      say("live-refresh", "");
    }
  });
  document.addEventListener("htmx:sseError", function (event) {
    var source = event.detail.source;
    if (source && source.readyState !== EventSource.OPEN) {
      disconnected = true;
      say("live-connection", "Live updates are interrupted: reconnecting. The page shows what was last read at "
        + clockTime(readAt) + ".");
    }
  });
  document.addEventListener("htmx:sseOpen", function (event) {
    if (disconnected) {
      disconnected = false;
      say("live-connection", "");
      var part = event.detail.elt.querySelector("[data-live-part]");
      if (part) {
        htmx.trigger(part, "refresh");
      }
    }
  });
})();
