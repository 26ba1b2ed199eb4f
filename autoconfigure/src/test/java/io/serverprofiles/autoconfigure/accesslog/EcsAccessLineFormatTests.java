package io.serverprofiles.autoconfigure.accesslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log's own ECS line is, byte for byte, what Boot's ECS console encoder writes
 * for the same event through the logger.
 */
class EcsAccessLineFormatTests {

	private static final AccessLogFilter.Seen SEEN = new AccessLogFilter.Seen("order-42.a", "203.0.113.7", "https",
			false);

	@Test
	void aRequestsLineIsWhatBootsEncoderWrites() {
		Map<String, Object> settings = Map.of("spring.application.pid", "4242", "spring.application.name", "demo-app");
		assertSameAsBoot(settings, Instant.parse("2026-12-02T15:11:20.728357323Z"), org.slf4j.event.Level.INFO, SEEN,
				"GET", "/api/hello", 200, 54, 2_391_414);
	}

	@Test
	void everyFractionOfASecondIsWrittenAsInstantWritesIt() {
		Map<String, Object> settings = Map.of("spring.application.pid", "1");
		for (String time : new String[] { "2026-12-02T15:11:00Z", "2026-12-02T15:11:00.100Z",
				"2026-12-02T15:11:59.000120Z", "2026-12-02T00:00:01.000000001Z", "2026-01-01T23:59:59.999999999Z" }) {
			assertSameAsBoot(settings, Instant.parse(time), org.slf4j.event.Level.INFO, SEEN, "GET", "/", 200, 0, 1);
		}
	}

	@Test
	void textAClientSentIsEscapedAsBootEscapesIt() {
		AccessLogFilter.Seen seen = new AccessLogFilter.Seen("id-1", "::1", "http", true);
		assertSameAsBoot(Map.of(), Instant.parse("2026-12-02T15:11:20.5Z"), org.slf4j.event.Level.DEBUG, seen, "PO\"ST",
				"/a\\b\"c\td\u0001e\u007f\u00e9\u2028", 400, 123_456_789_012L, 1_500_000_000L);
	}

	@Test
	void aRequestJettyCouldNotParseHasNoScheme() {
		AccessLogFilter.Seen seen = new AccessLogFilter.Seen("id-2", "127.0.0.1", null, false);
		assertSameAsBoot(Map.of(), Instant.parse("2026-12-02T15:11:20.5Z"), org.slf4j.event.Level.INFO, seen, "-", "",
				400, 50, 1_000);
	}

	@Test
	void theServiceSettingsAreWrittenAsBootWritesThem() {
		Map<String, Object> settings = Map.of("spring.application.pid", "7", "logging.structured.ecs.service.name",
				"shop", "logging.structured.ecs.service.version", "1.2.3", "logging.structured.ecs.service.environment",
				"prod", "logging.structured.ecs.service.node-name", "node-a");
		assertSameAsBoot(settings, Instant.parse("2026-12-02T15:11:20.728Z"), org.slf4j.event.Level.INFO, SEEN, "GET",
				"/", 204, 0, 10);
	}

	@Test
	void aThreadNameIsEscaped() throws InterruptedException {
		AtomicReference<AssertionError> failure = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			try {
				assertSameAsBoot(Map.of(), Instant.parse("2026-12-02T15:11:20.728Z"), org.slf4j.event.Level.INFO, SEEN,
						"GET", "/", 200, 0, 10);
			}
			catch (AssertionError ex) {
				failure.set(ex);
			}
		}, "exec \"1\"\\");
		thread.start();
		thread.join();
		assertThat(failure.get()).isNull();
	}

	private static void assertSameAsBoot(Map<String, Object> settings, Instant time, org.slf4j.event.Level level,
			AccessLogFilter.Seen seen, String method, String path, int status, long bytes, long nanos) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", new LinkedHashMap<>(settings)));
		EcsAccessLineFormat format = new EcsAccessLineFormat(
				environment.getProperty("spring.application.pid", Long.class),
				ElasticCommonSchemaProperties.get(environment));
		StringBuilder ours = new StringBuilder();
		format.format(ours, time, level, seen, method, path, status, bytes, nanos);
		assertThat(ours + "\n").isEqualTo(bootLine(environment, time, level, seen, method, path, status, bytes, nanos));
	}

	/**
	 * The line Boot's encoder writes for the event that AccessLogLine gives the logger.
	 */
	private static String bootLine(StandardEnvironment environment, Instant time, org.slf4j.event.Level level,
			AccessLogFilter.Seen seen, String method, String path, int status, long bytes, long nanos) {
		LoggerContext context = new LoggerContext();
		context.putObject(org.springframework.core.env.Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.start();
		LoggingEvent event = new LoggingEvent();
		event.setLoggerName(AccessLogFilter.LOGGER_NAME);
		event.setLevel(Level.convertAnSLF4JLevel(level));
		event.setInstant(time);
		event.setThreadName(Thread.currentThread().getName());
		event.setMessage("{} \"{} {}\" {} {}B {}ms id={}");
		event.setArgumentArray(
				new Object[] { seen.client(), method, path, status, bytes, nanos / 1_000_000, seen.id() });
		event.addKeyValuePair(new KeyValuePair("client.ip", seen.client()));
		event.addKeyValuePair(new KeyValuePair("http.request.method", method));
		event.addKeyValuePair(new KeyValuePair("url.path", path));
		event.addKeyValuePair(new KeyValuePair("url.scheme", seen.scheme()));
		event.addKeyValuePair(new KeyValuePair("http.response.status_code", status));
		event.addKeyValuePair(new KeyValuePair("http.response.body.bytes", bytes));
		event.addKeyValuePair(new KeyValuePair("event.duration", nanos));
		event.addKeyValuePair(new KeyValuePair("http.request.id", seen.id()));
		event.setMDCPropertyMap(Map.of());
		return new String(encoder.encode(event), StandardCharsets.UTF_8);
	}

}
