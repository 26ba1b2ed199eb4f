package io.serverprofiles.autoconfigure.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The deploy templates packaged in this jar (a copy of the repository's deploy/ folder)
 * and writing them out rendered. {@code x.template} is written as {@code x}, and the
 * template is kept beside it for the official nginx image, which fills templates itself.
 * Documentation ({@code *.md}) is copied as it is: it names the placeholders.
 */
final class DeployBundle {

	/**
	 * Where the templates are on the classpath.
	 */
	static final String LOCATION = "META-INF/server-profiles/deploy/";

	private static final String TEMPLATE_SUFFIX = ".template";

	private final TemplateRenderer renderer;

	DeployBundle(TemplateRenderer renderer) {
		this.renderer = renderer;
	}

	/**
	 * Render every template into the directory, creating it when needed.
	 * @param directory the target directory
	 * @return the files written, relative to the directory
	 * @throws IOException when a template cannot be read or a file written
	 */
	List<Path> writeTo(Path directory) throws IOException {
		List<Path> written = new ArrayList<>();
		for (Template template : templates()) {
			String text = template.read();
			String target = template.path();
			if (target.endsWith(".md")) {
				written.add(write(directory, target, text));
				continue;
			}
			if (target.endsWith(TEMPLATE_SUFFIX)) {
				written.add(write(directory, target, text));
				target = target.substring(0, target.length() - TEMPLATE_SUFFIX.length());
			}
			written.add(write(directory, target, this.renderer.render(text)));
		}
		return written;
	}

	private static Path write(Path directory, String relative, String content) throws IOException {
		Path file = directory.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return directory.relativize(file);
	}

	/**
	 * Every packaged template, by its path inside deploy/.
	 * @return the templates
	 * @throws IOException when the classpath cannot be listed
	 */
	static List<Template> templates() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver(DeployBundle.class.getClassLoader())
			.getResources("classpath*:" + LOCATION + "**/*");
		List<Template> templates = new ArrayList<>();
		for (Resource resource : resources) {
			String url = resource.getURL().toString();
			if (resource.isReadable() && !url.endsWith("/")) {
				templates.add(new Template(url.substring(url.lastIndexOf(LOCATION) + LOCATION.length()), resource));
			}
		}
		if (templates.isEmpty()) {
			throw new IOException("No deploy templates found under classpath:" + LOCATION);
		}
		return templates;
	}

	/**
	 * One packaged template.
	 *
	 * @param path its path inside deploy/, such as {@code nginx/nginx.conf}
	 * @param resource where to read it
	 */
	record Template(String path, Resource resource) {

		String read() throws IOException {
			try (InputStream in = this.resource.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}

	}

}
