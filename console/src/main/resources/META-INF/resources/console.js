// Keeps every countdown (an element with data-resolve-by, an ISO instant, and data-at-risk-within, seconds) saying
// how long is left, and in words whether it is at risk or breached, between the server's renderings.
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
  setInterval(tick, 1000);
})();
