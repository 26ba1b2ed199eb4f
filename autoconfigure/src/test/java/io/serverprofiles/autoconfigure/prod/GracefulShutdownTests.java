package io.serverprofiles.autoconfigure.prod;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the prod server lets a request in flight finish, on both containers.
 */
class GracefulShutdownTests {

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void aRequestInFlightCompletesWhenTheServerCloses(ServerContainer container) throws Exception {
		RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod");
		CompletableFuture<HttpResponse<String>> slow = CompletableFuture
			.supplyAsync(() -> server.sendOnNewConnection(HttpRequest.newBuilder(server.uri("/slow?ms=1500")).build(),
					HttpResponse.BodyHandlers.ofString()));
		server.awaitRequestsInFlight(1);
		server.close();
		HttpResponse<String> response = slow.get(20, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"sleptMs\":1500}");
	}

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void shutdownTimeoutBoundsTheWaitForARequestInFlight(ServerContainer container) throws Exception {
		RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod",
				"--server-profiles.prod.shutdown-timeout=1s");
		CompletableFuture<HttpResponse<String>> slow = CompletableFuture
			.supplyAsync(() -> server.sendOnNewConnection(HttpRequest.newBuilder(server.uri("/slow?ms=8000")).build(),
					HttpResponse.BodyHandlers.ofString()));
		server.awaitRequestsInFlight(1);
		server.close();
		// With the 30s default the 8s request would finish; with 1s it is cut off.
		assertThat(slow).failsWithin(10, TimeUnit.SECONDS);
	}

}
