package io.serverprofiles.autoconfigure.dev;

import io.serverprofiles.autoconfigure.support.BrowserReloadTestEndpoints;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages sent exactly as the application wrote them: by the prod server always, and by the
 * dev server when browser reload is off.
 */
class PagesWithoutBrowserReloadTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

	@Test
	void theProdServerNeverAddsTheScript() {
		assertPagesAreSentAsWritten("--server-profiles.mode=prod");
	}

	@Test
	void theDevServerWithBrowserReloadOffDoesNotAddIt() {
		assertPagesAreSentAsWritten("--server-profiles.mode=dev", "--server-profiles.dev.browser-reload=false");
	}

	private static void assertPagesAreSentAsWritten(String... arguments) {
		try (RunningServer server = RunningServer.start(ServerContainer.TOMCAT, arguments)) {
			assertThat(server.get("/reload-test/page", "Accept", BROWSER).body())
				.isEqualTo(BrowserReloadTestEndpoints.PAGE);
			assertThat(server.get(BrowserReloadFilter.SCRIPT_PATH).statusCode()).isEqualTo(404);
		}
	}

}
