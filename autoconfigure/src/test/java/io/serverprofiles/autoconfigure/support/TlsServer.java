package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.test.TestCertificates;

import org.springframework.util.FileSystemUtils;

/**
 * The test app speaking TLS itself, with a throwaway CA's certificate for
 * {@code localhost} and {@code 127.0.0.1}, on the chosen container. Closing it stops the
 * app and deletes the certificates.
 */
public final class TlsServer implements AutoCloseable {

	private final Path directory;

	private final TestCertificates certificates;

	private final RunningServer server;

	private TlsServer(Path directory, TestCertificates certificates, RunningServer server) {
		this.directory = directory;
		this.certificates = certificates;
		this.server = server;
	}

	/**
	 * Make the certificates and start the app over TLS.
	 * @param container the container
	 * @param arguments further command-line arguments
	 * @return the running app
	 * @throws IOException when the certificates cannot be written
	 * @throws InterruptedException when interrupted while keytool runs
	 */
	public static TlsServer start(ServerContainer container, String... arguments)
			throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("server-profiles-tls");
		TestCertificates certificates = TestCertificates.create(directory);
		List<String> all = new ArrayList<>(List.of(certificates.serverArguments()));
		all.addAll(List.of(arguments));
		return new TlsServer(directory, certificates, RunningServer.start(container, all.toArray(String[]::new)));
	}

	public RunningServer server() {
		return this.server;
	}

	public TestCertificates certificates() {
		return this.certificates;
	}

	/**
	 * GET over HTTPS from 127.0.0.1, trusting the test CA only.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return this.server.getOverTls(this.certificates, path);
	}

	@Override
	public void close() {
		this.server.close();
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

}
