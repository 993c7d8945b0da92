/*
 * theme.js: the light/dark toggle of the standalone page; the site follows Quarto's own toggle.
 */

function wireThemeToggle(button) {
  var html = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var isDark = function () {
    var set = html.getAttribute("data-theme");
    return set ? set === "dark" : !!(media && media.matches);
  };
  var sync = function () { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); };
  button.addEventListener("click", function () {
    html.setAttribute("data-theme", isDark() ? "light" : "dark");
    sync();
  });
  if (media && media.addEventListener) { media.addEventListener("change", sync); }
  sync();
}
