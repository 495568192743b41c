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
