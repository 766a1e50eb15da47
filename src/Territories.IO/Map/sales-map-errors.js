window.mapErrors = [];
window.onerror = function (message, source, line, column) {
  window.mapErrors.push(String(message) + ' (line ' + line + ', column ' + column + ')');
  var status = document.getElementById('map-status');
  status.setAttribute('data-state', 'error');
  status.setAttribute('data-errors', String(window.mapErrors.length));
  var list = document.getElementById('map-errors');
  if (list) { list.textContent = window.mapErrors.join('\n'); list.hidden = false; }
};
window.addEventListener('unhandledrejection', function (event) {
  window.onerror('Unhandled promise rejection: ' + event.reason, '', 0, 0);
});
