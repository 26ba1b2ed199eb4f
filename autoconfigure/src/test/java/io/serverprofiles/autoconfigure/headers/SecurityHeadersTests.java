package io.serverprofiles.autoconfigure.headers;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header values the properties produce, on a plain and a secure request, for
 * documents and for other responses.
 */
class SecurityHeadersTests {

	private final SecurityHeadersProperties properties = new SecurityHeadersProperties();

	@Test
	void defaultsAreStrictWithoutUnsafeInline() {
		MockHttpServletResponse response = addMissing(plainRequest(), new MockHttpServletResponse(), 200);
		assertThat(response.getHeader("Content-Security-Policy")).startsWith("default-src 'none';")
			.contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'",
					"base-uri 'none'", "form-action 'self'")
			.doesNotContain("unsafe");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()",
				"payment=()", "usb=()");
		assertThat(response.getHeader("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
		assertThat(response.getHeader("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
	}

	@Test
	void plainRequestGetsNoHsts() {
		MockHttpServletResponse response = addMissing(plainRequest(), new MockHttpServletResponse(), 200);
		assertThat(response.containsHeader("Strict-Transport-Security")).isFalse();
	}

	@Test
	void secureRequestGetsHstsForAYearWithSubdomains() {
		MockHttpServletResponse response = addMissing(secureRequest(), new MockHttpServletResponse(), 200);
		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
	}

	@Test
	void hstsMaxAgeSubdomainsAndPreloadFollowTheProperties() {
		this.properties.getHsts().setMaxAge(Duration.ofDays(730));
		this.properties.getHsts().setIncludeSubDomains(false);
		this.properties.getHsts().setPreload(true);
		MockHttpServletResponse response = addMissing(secureRequest(), new MockHttpServletResponse(), 200);
		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=63072000; preload");
	}

	@Test
	void hstsCanBeSwitchedOff() {
		this.properties.getHsts().setEnabled(false);
		MockHttpServletResponse response = addMissing(secureRequest(), new MockHttpServletResponse(), 200);
		assertThat(response.containsHeader("Strict-Transport-Security")).isFalse();
	}

	@Test
	void errorResponsesAreNotStoredAndOthersAreLeftAlone() {
		assertThat(addMissing(plainRequest(), new MockHttpServletResponse(), 404).getHeader("Cache-Control"))
			.isEqualTo("no-store");
		assertThat(addMissing(plainRequest(), new MockHttpServletResponse(), 500).getHeader("Cache-Control"))
			.isEqualTo("no-store");
		assertThat(addMissing(plainRequest(), new MockHttpServletResponse(), 200).containsHeader("Cache-Control"))
			.isFalse();
		assertThat(addMissing(plainRequest(), new MockHttpServletResponse(), 304).containsHeader("Cache-Control"))
			.isFalse();
		// The boundary: 400 is the first error, 399 is not one.
		assertThat(addMissing(plainRequest(), new MockHttpServletResponse(), 400).getHeader("Cache-Control"))
			.isEqualTo("no-store");
		assertThat(addMissing(plainRequest(), new MockHttpServletResponse(), 399).containsHeader("Cache-Control"))
			.isFalse();
	}

	@Test
	void headersTheResponseAlreadyHasAreKept() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("Content-Security-Policy", "default-src 'self'");
		response.setHeader("X-Frame-Options", "SAMEORIGIN");
		response.setHeader("Cache-Control", "max-age=60");
		addMissing(plainRequest(), response, 404);
		assertThat(response.getHeaders("Content-Security-Policy")).containsExactly("default-src 'self'");
		assertThat(response.getHeaders("X-Frame-Options")).containsExactly("SAMEORIGIN");
		assertThat(response.getHeaders("Cache-Control")).containsExactly("max-age=60");
	}

	@Test
	void anEmptyValueLeavesTheHeaderOut() {
		this.properties.setFrameOptions("");
		this.properties.setPermissionsPolicy("");
		this.properties.setErrorCacheControl("");
		MockHttpServletResponse response = addMissing(plainRequest(), new MockHttpServletResponse(), 500);
		assertThat(response.getHeaderNames()).doesNotContain("X-Frame-Options", "Permissions-Policy", "Cache-Control")
			.contains("Content-Security-Policy");
	}

	@Test
	void aValueCanBeReplaced() {
		this.properties.setContentSecurityPolicy("default-src 'self'");
		this.properties.setReferrerPolicy("no-referrer");
		MockHttpServletResponse response = addMissing(plainRequest(), new MockHttpServletResponse(), 200);
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void aJsonResponseGetsOnlyTheHeadersThatApplyToIt() {
		MockHttpServletResponse json = new MockHttpServletResponse();
		json.setContentType("application/json");
		addMissing(plainRequest(), json, 200);
		assertThat(json.getHeaderNames())
			.contains("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Resource-Policy")
			.doesNotContain("Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy");
	}

	@Test
	void documentsAreKnownByTheirTypeWithAnyParameters() {
		assertThat(documentHeadersFor("text/html;charset=UTF-8")).isTrue();
		assertThat(documentHeadersFor("Text/HTML; charset=utf-8")).isTrue();
		assertThat(documentHeadersFor("image/svg+xml")).isTrue();
		assertThat(documentHeadersFor(null)).as("no content type: the browser guesses").isTrue();
		assertThat(documentHeadersFor("text/htmlx")).isFalse();
		assertThat(documentHeadersFor("text/css")).isFalse();
		this.properties.setDocumentTypes(List.of("*"));
		assertThat(documentHeadersFor("application/json")).as("every response").isTrue();
	}

	private boolean documentHeadersFor(String contentType) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setContentType(contentType);
		return addMissing(plainRequest(), response, 200).containsHeader("Content-Security-Policy");
	}

	private MockHttpServletResponse addMissing(MockHttpServletRequest request, MockHttpServletResponse response,
			int status) {
		SecurityHeaders.of(this.properties).addMissing(request, response, status);
		return response;
	}

	private static MockHttpServletRequest plainRequest() {
		return new MockHttpServletRequest("GET", "/");
	}

	private static MockHttpServletRequest secureRequest() {
		MockHttpServletRequest request = plainRequest();
		request.setSecure(true);
		request.setScheme("https");
		return request;
	}

}
