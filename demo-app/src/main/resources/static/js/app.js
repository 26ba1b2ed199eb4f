// Fills #hello from the JSON API, so the page exercises a static asset and the API together.
document.addEventListener('DOMContentLoaded', () => {
	const target = document.getElementById('hello');
	fetch('/api/hello')
		.then((response) => response.json())
		.then((body) => { target.textContent = `${body.message} (${body.mode} server)`; })
		.catch(() => { target.textContent = 'The API did not answer.'; });
});
