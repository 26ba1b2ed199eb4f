package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events a connected page gets: which run of the app it talks to, and when to reload.
 */
class BrowserReloadEventsTests {

	private final BrowserReloadEvents events = new BrowserReloadEvents();

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/.server-profiles/events");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@BeforeEach
	void start() {
		this.events.start();
		this.request.setAsyncSupported(true);
	}

	@Test
	void aPageIsToldThisRunAndHowSoonToReconnectAndIsHeldOpen() throws IOException {
		this.events.connect(this.request, this.response);
		assertThat(this.response.getContentType()).isEqualTo("text/event-stream");
		assertThat(this.response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(this.response.getContentAsString()).matches("retry: 250\nevent: run\ndata: [0-9a-f-]{36}\n\n");
		assertThat(this.request.isAsyncStarted()).isTrue();
		assertThat(this.events.connectedPages()).isOne();
	}

	@Test
	void eachRunHasItsOwnId() throws IOException {
		MockHttpServletRequest otherRequest = new MockHttpServletRequest("GET", "/.server-profiles/events");
		otherRequest.setAsyncSupported(true);
		MockHttpServletResponse otherResponse = new MockHttpServletResponse();
		BrowserReloadEvents nextRun = new BrowserReloadEvents();
		nextRun.start();
		this.events.connect(this.request, this.response);
		nextRun.connect(otherRequest, otherResponse);
		assertThat(otherResponse.getContentAsString()).isNotEqualTo(this.response.getContentAsString());
	}

	@Test
	void aChangeWithoutRestartTellsConnectedPagesToReload() throws IOException {
		this.events.connect(this.request, this.response);
		String connected = this.response.getContentAsString();
		ReloadPagesWithoutRestart listener = new ReloadPagesWithoutRestart(this.events);
		listener.onApplicationEvent(new ClassPathChangedEvent(this, Set.of(), true));
		assertThat(this.response.getContentAsString()).as("a restart: the next run's id tells it").isEqualTo(connected);
		listener.onApplicationEvent(new ClassPathChangedEvent(this, Set.of(), false));
		String run = connected.substring(connected.indexOf("data: "));
		assertThat(this.response.getContentAsString()).isEqualTo(connected + "event: reload\n" + run);
	}

	@Test
	void stoppingEndsEveryStreamSoThatPagesReconnectToTheNextRun() throws IOException {
		this.events.connect(this.request, this.response);
		this.events.stop();
		assertThat(this.request.isAsyncStarted()).isFalse();
		assertThat(this.events.connectedPages()).isZero();
	}

	@Test
	void aPageThatConnectsWhileTheAppStopsIsToldTheRunAndLetGo() throws IOException {
		this.events.stop();
		this.events.connect(this.request, this.response);
		assertThat(this.response.getContentAsString()).contains("event: run");
		assertThat(this.request.isAsyncStarted()).isFalse();
		assertThat(this.events.connectedPages()).isZero();
	}

}
