package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.eclipse.jetty.http.HttpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which exceptions, thrown while a body or its parameters are read, are the client's
 * fault and answered with a 4xx: only the containers' own 4xx codes, found anywhere in
 * the cause chain; their 5xx codes stay server errors.
 */
class ClientErrorTests {

	@ParameterizedTest
	@ValueSource(ints = { 400, 413, 499 })
	void tomcatsParameterErrorsWithA4xxCodeAreTheClients(int status) {
		ClientError error = ClientError.in(new IOException(new InvalidParameterException("bad", status)));
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(status);
		assertThat(error.reason()).contains("server.tomcat.max-parameter-count");
	}

	@ParameterizedTest
	@ValueSource(ints = { 399, 500 })
	void tomcatsParameterErrorsOutside4xxAreNot(int status) {
		assertThat(ClientError.in(new InvalidParameterException("bad", status))).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 499 })
	void jettysHttpErrorsWithA4xxCodeAreTheClientsAndAnsweredByJetty(int status) {
		HttpException.RuntimeException jetty = new HttpException.RuntimeException(status, "bad");
		ClientError error = ClientError.in(new RuntimeException(jetty));
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(status);
		assertThat(error.reason()).contains("server.jetty.max-form-keys");
		assertThat(ClientError.answeredByContainer(new RuntimeException(jetty))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 503 })
	void jettysHttpErrorsOutside4xxAreNot(int status) {
		HttpException.RuntimeException jetty = new HttpException.RuntimeException(status, "bad");
		assertThat(ClientError.in(jetty)).isNull();
		assertThat(ClientError.answeredByContainer(jetty)).isFalse();
	}

	@Test
	void aMalformedMultipartBodyIsA400ButAnOversizedUploadIsNotThisErrors() {
		ClientError error = ClientError.in(new MultipartException("no boundary"));
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(400);
		assertThat(ClientError.in(new MaxUploadSizeExceededException(10))).isNull();
	}

	@Test
	void aRefusedBodyKeepsItsStatusAndReason() {
		ClientError error = ClientError.in(new IOException(new RequestBodyTooLargeException(DataSize.ofBytes(8192))));
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(413);
		assertThat(error.reason()).contains("server-profiles.prod.max-request-size");
	}

	@Test
	void anExceptionThatIsItsOwnCauseEndsTheSearch() {
		assertThat(ClientError.in(new SelfCaused())).isNull();
		assertThat(ClientError.answeredByContainer(new SelfCaused())).isFalse();
	}

	@Test
	void otherExceptionsAreNotTheClients() {
		assertThat(ClientError.in(new IOException("disk full", new IllegalStateException()))).isNull();
	}

	static final class SelfCaused extends RuntimeException {

		@Override
		public synchronized Throwable getCause() {
			return this;
		}

	}

}
