package io.serverprofiles.autoconfigure.probe;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import io.serverprofiles.autoconfigure.checks.CheckReport;
import io.serverprofiles.autoconfigure.checks.ChecksProperties;
import io.serverprofiles.autoconfigure.mode.ServerMode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.json.JsonWriter;

/**
 * The probe's CLI: prints one report and ends the process with 0 (all held), 1 (findings
 * at or above fail-on) or 2 (could not probe), the exit codes of the checks' CLI mode.
 */
class SelfProbeRunner implements ApplicationRunner {

	static final int HELD = 0;

	static final int FAILED = 1;

	static final int NOT_PROBED = 2;

	private final SelfProbe probe;

	private final ServerMode mode;

	private final ChecksProperties.Format format;

	private final PrintStream out;

	private final PrintStream err;

	private final IntConsumer exit;

	SelfProbeRunner(SelfProbe probe, ServerMode mode, ChecksProperties.Format format, PrintStream out, PrintStream err,
			IntConsumer exit) {
		this.probe = probe;
		this.mode = mode;
		this.format = format;
		this.out = out;
		this.err = err;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exit.accept(probe());
	}

	int probe() {
		if (!this.mode.isProd()) {
			this.err.println("server-profiles: the probe compares a deployment with the prod settings, but the mode is "
					+ this.mode + "; run with --server-profiles.mode=prod");
			return NOT_PROBED;
		}
		try {
			String url = this.probe.url().toString();
			CheckReport report = this.probe.run();
			this.out.println((this.format == ChecksProperties.Format.JSON) ? toJson(url, report)
					: report.toText("server-profiles probe of " + url));
			this.out.flush();
			return report.passed() ? HELD : FAILED;
		}
		catch (RuntimeException ex) {
			this.err.println("server-profiles: could not probe: " + ex.getMessage());
			return NOT_PROBED;
		}
	}

	private static String toJson(String url, CheckReport report) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("url", url);
		map.putAll(report.toMap());
		return JsonWriter.standard().writeToString(map);
	}

}
