package io.serverprofiles.autoconfigure.drain;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two shutdown phases' listener and clock on their own: which context's closing
 * starts the drain, what each phase logs, and an interrupted drain. The server test shows
 * the drain end to end.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownPhasesTests {

	private static final Pattern DRAIN_DONE = Pattern.compile("drain done in (\\d+) ms");

	private static final Pattern SHUTDOWN_DONE = Pattern.compile("graceful shutdown done in (\\d+) ms");

	private final List<Object> readiness = new CopyOnWriteArrayList<>();

	private final GenericApplicationContext context = new GenericApplicationContext();

	private final ShutdownClock clock = new ShutdownClock();

	ShutdownPhasesTests() {
		this.context.addApplicationListener(
				(ApplicationListener<AvailabilityChangeEvent<?>>) (event) -> this.readiness.add(event.getState()));
		this.context.refresh();
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void closingTheApplicationContextDrainsItAndLogsBothPhases(CapturedOutput output) {
		DrainOnShutdown drain = new DrainOnShutdown(this.context, Duration.ZERO, this.clock);
		long started = System.nanoTime();
		drain.onApplicationEvent(new ContextClosedEvent(this.context));
		this.clock.stop();
		long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(this.readiness).containsExactly(ReadinessState.REFUSING_TRAFFIC);
		assertThat(output).contains("server-profiles: shutdown phase 1/2: draining for 0 ms");
		assertThat(millis(DRAIN_DONE, output)).isBetween(0L, tookMillis);
		assertThat(millis(SHUTDOWN_DONE, output)).isBetween(0L, tookMillis);
	}

	@Test
	void closingAnotherContextDoesNotDrain(CapturedOutput output) {
		DrainOnShutdown drain = new DrainOnShutdown(this.context, Duration.ZERO, this.clock);
		try (GenericApplicationContext child = new GenericApplicationContext()) {
			child.setParent(this.context);
			child.refresh();
			drain.onApplicationEvent(new ContextClosedEvent(child));
		}
		this.clock.stop();
		assertThat(this.readiness).isEmpty();
		assertThat(output).doesNotContain("draining for").doesNotContain("graceful shutdown done");
	}

	@Test
	void anInterruptedDrainEndsAndKeepsTheInterrupt(CapturedOutput output) {
		DrainOnShutdown drain = new DrainOnShutdown(this.context, Duration.ofMinutes(10), this.clock);
		Thread.currentThread().interrupt();
		try {
			drain.onApplicationEvent(new ContextClosedEvent(this.context));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(output).contains("draining for 600000 ms").containsPattern(DRAIN_DONE);
	}

	@Test
	void theClockRunsFromStartToStopJustBeforeTheWebServersGracefulShutdown() {
		assertThat(this.clock.isRunning()).isFalse();
		this.clock.start();
		assertThat(this.clock.isRunning()).isTrue();
		this.clock.stop();
		assertThat(this.clock.isRunning()).isFalse();
		assertThat(this.clock.getPhase()).isEqualTo(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 1);
	}

	private static long millis(Pattern pattern, CapturedOutput output) {
		Matcher matcher = pattern.matcher(output.getOut());
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
