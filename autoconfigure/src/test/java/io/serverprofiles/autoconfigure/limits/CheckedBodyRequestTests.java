package io.serverprofiles.autoconfigure.limits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A body the container streams, counted however it is read: byte by byte, in blocks, as
 * text. The server tests read such bodies only where the read-ahead is off or the
 * container parses them. The wrapped request is Spring's mock, which holds the body; the
 * limit and the rate are the wrapper's own.
 */
class CheckedBodyRequestTests {

	private static final BodyRate NO_RATE = new BodyRate(DataSize.ofBytes(0), Duration.ofSeconds(5));

	@Test
	void aBodyWithinTheLimitReadsAsSent() throws Exception {
		ServletInputStream in = checked("abc", 3).getInputStream();
		assertThat(in.available()).isEqualTo(3);
		assertThat(in.isFinished()).isFalse();
		assertThat(in.isReady()).isTrue();
		assertThat(in.read()).isEqualTo('a');
		byte[] rest = new byte[8];
		assertThat(in.read(rest, 0, rest.length)).isEqualTo(2);
		assertThat(in.read()).isEqualTo(-1);
		assertThat(in.read(rest, 0, rest.length)).isEqualTo(-1);
		assertThat(in.isFinished()).isTrue();
		in.close();
	}

	@Test
	void aBodyReadByteByByteIsCountedPastTheLimit() throws Exception {
		ServletInputStream in = checked("abcd", 3).getInputStream();
		assertThat(in.read()).isEqualTo('a');
		assertThat(in.read()).isEqualTo('b');
		assertThat(in.read()).isEqualTo('c');
		assertThatExceptionOfType(RequestBodyTooLargeException.class).isThrownBy(in::read);
	}

	@Test
	void aBodyReadInBlocksIsCountedPastTheLimit() throws Exception {
		ServletInputStream in = checked("abcd", 3).getInputStream();
		assertThatExceptionOfType(RequestBodyTooLargeException.class).isThrownBy(() -> in.read(new byte[8], 0, 8))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(413));
	}

	@Test
	void aBodyTooSlowForTheRateIsRefused() throws Exception {
		// No grace period and 1MB a second: the first byte comes too late.
		BodyRate rate = new BodyRate(DataSize.ofMegabytes(1), Duration.ZERO);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContent("abc".getBytes(StandardCharsets.UTF_8));
		CheckedBodyRequest checked = new CheckedBodyRequest(request, DataSize.ofBytes(100), rate);
		Thread.sleep(5);
		ServletInputStream in = checked.getInputStream();
		assertThatExceptionOfType(RequestBodyTooSlowException.class).isThrownBy(in::read)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(408));
	}

	@Test
	void theReaderDecodesInTheRequestsCharsetAndCountsBytes() throws Exception {
		// Three characters, five bytes.
		assertThat(utf8("\u00e9t\u00e9", 5).getReader().readLine()).isEqualTo("\u00e9t\u00e9");
		assertThatExceptionOfType(RequestBodyTooLargeException.class)
			.isThrownBy(() -> utf8("\u00e9t\u00e9", 4).getReader().readLine());
	}

	private static CheckedBodyRequest utf8(String body, long limit) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setCharacterEncoding("UTF-8");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return new CheckedBodyRequest(request, DataSize.ofBytes(limit), NO_RATE);
	}

	@Test
	void theReaderDecodesInIso88591WithoutACharset() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContent(new byte[] { (byte) 0xe9 });
		assertThat(new CheckedBodyRequest(request, DataSize.ofBytes(5), NO_RATE).getReader().readLine())
			.isEqualTo("\u00e9");
	}

	private static CheckedBodyRequest checked(String body, long limit) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return new CheckedBodyRequest(request, DataSize.ofBytes(limit), NO_RATE);
	}

}
