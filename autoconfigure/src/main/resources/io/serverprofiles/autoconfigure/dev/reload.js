// server-profiles dev server: reloads this page when the app restarts (a reconnect finds
// another run of the app) or when a change went in without a restart (a hot swap).
(() => {
	const events = new EventSource(new URL('events', document.currentScript.src));
	let run;
	events.addEventListener('run', (event) => {
		if (run !== undefined && run !== event.data) {
			location.reload();
		}
		run = event.data;
	});
	events.addEventListener('reload', () => location.reload());
})();
