package io.serverprofiles.autoconfigure.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the deploy bundle that the application cannot know itself: where it is
 * served, by which proxy, with which limits per client. Limits, timeouts, ports and grace
 * periods come from the application's own settings instead.
 */
@ConfigurationProperties(DeployProperties.PREFIX)
public class DeployProperties {

	/**
	 * The prefix of these settings.
	 */
	public static final String PREFIX = "server-profiles.deploy";

	/**
	 * The key of export.
	 */
	public static final String EXPORT = PREFIX + ".export";

	/**
	 * Directory to write the deploy bundle to. When set, the application renders the
	 * bundle from its prod settings and exits without opening a port.
	 */
	private @Nullable Path export;

	/**
	 * Host name that nginx and the Ingress serve.
	 */
	private String serverName = "localhost";

	/**
	 * Whether the export fails, instead of warning, when what it renders disagrees with
	 * the application (a server name the Host allow-list refuses).
	 */
	private boolean strict;

	/**
	 * Address nginx listens on; "*" for every IPv4 interface.
	 */
	private String listenAddress = "*";

	/**
	 * Port nginx redirects from HTTP to HTTPS on.
	 */
	private int httpPort = 80;

	/**
	 * Port nginx serves HTTPS on.
	 */
	private int httpsPort = 443;

	/**
	 * Comma-separated list of host:port of the application instances behind nginx.
	 * Defaults to 127.0.0.1 and server.port: one instance on the same host.
	 */
	private List<String> upstream = new ArrayList<>();

	/**
	 * Comma-separated list of addresses or CIDR ranges of a load balancer in front of
	 * nginx, whose X-Forwarded-For nginx then believes for the client's address. Empty:
	 * nginx is the edge, and the client's address is the peer it sees.
	 */
	private List<String> outerProxies = new ArrayList<>();

	/**
	 * Requests per second that one client address may send through nginx and the Ingress
	 * before getting 429.
	 */
	private int rateLimit = 20;

	/**
	 * Requests above the rate that nginx still accepts at once from one client.
	 */
	private int rateLimitBurst = 40;

	/**
	 * Open connections that one client address may hold.
	 */
	private int connectionLimit = 50;

	/**
	 * Directory that nginx serves static assets from when they exist there. Defaults to
	 * /srv/{spring.application.name}/static.
	 */
	private @Nullable String staticRoot;

	/**
	 * File of nginx's JSON access log.
	 */
	private String accessLog = "/var/log/nginx/access.log";

	/**
	 * File of nginx's error log.
	 */
	private String errorLog = "/var/log/nginx/error.log";

	/**
	 * Container image of the application. Defaults to
	 * {spring.application.name}:{spring.application.version}, the version being the jar's
	 * Implementation-Version, or :latest when the jar has none.
	 */
	private @Nullable String image;

	/**
	 * Memory limit of the application's container or service: Kubernetes' limits.memory,
	 * compose's mem_limit, systemd's MemoryMax.
	 */
	private DataSize memoryLimit = DataSize.ofMegabytes(768);

	/**
	 * Memory the JVM needs besides the heap: metaspace, code cache, the request threads'
	 * stacks, GC structures, direct buffers. The heap (-Xmx) is the memory limit minus
	 * this, so that a heap grown to its maximum still fits under the limit.
	 */
	private DataSize nonHeap = DataSize.ofMegabytes(320);

	/**
	 * IPv4 subnet of the network that compose.yaml gives the app and nginx, where nginx
	 * gets the first address after the gateway, the one address the app trusts forwarded
	 * headers from.
	 */
	private String composeSubnet = "172.30.253.0/29";

	/**
	 * Name of the Gateway API gateway that the HTTPRoute attaches to.
	 */
	private String gatewayName = "gateway";

	/**
	 * Kubernetes namespace of that gateway.
	 */
	private String gatewayNamespace = "gateway";

	/**
	 * Kubernetes namespace of the proxy pods in front of the app (the gateway's, or
	 * ingress-nginx's with ingress.yaml), the only peers the NetworkPolicy admits to the
	 * app port.
	 */
	private String proxyNamespace = "gateway";

	/**
	 * Kubernetes namespace of the monitoring that scrapes the actuator, the only peer the
	 * NetworkPolicy admits to the management port.
	 */
	private String monitoringNamespace = "monitoring";

	/**
	 * Container image of nginx in compose.yaml.
	 */
	private String nginxImage = "nginx:stable";

	public @Nullable Path getExport() {
		return this.export;
	}

	public void setExport(@Nullable Path export) {
		this.export = export;
	}

	public String getServerName() {
		return this.serverName;
	}

	public void setServerName(String serverName) {
		this.serverName = serverName;
	}

	public String getListenAddress() {
		return this.listenAddress;
	}

	public void setListenAddress(String listenAddress) {
		this.listenAddress = listenAddress;
	}

	public int getHttpPort() {
		return this.httpPort;
	}

	public void setHttpPort(int httpPort) {
		this.httpPort = httpPort;
	}

	public int getHttpsPort() {
		return this.httpsPort;
	}

	public void setHttpsPort(int httpsPort) {
		this.httpsPort = httpsPort;
	}

	public List<String> getUpstream() {
		return this.upstream;
	}

	public void setUpstream(List<String> upstream) {
		this.upstream = upstream;
	}

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

	public List<String> getOuterProxies() {
		return this.outerProxies;
	}

	public void setOuterProxies(List<String> outerProxies) {
		this.outerProxies = outerProxies;
	}

	public int getRateLimit() {
		return this.rateLimit;
	}

	public void setRateLimit(int rateLimit) {
		this.rateLimit = rateLimit;
	}

	public int getRateLimitBurst() {
		return this.rateLimitBurst;
	}

	public void setRateLimitBurst(int rateLimitBurst) {
		this.rateLimitBurst = rateLimitBurst;
	}

	public int getConnectionLimit() {
		return this.connectionLimit;
	}

	public void setConnectionLimit(int connectionLimit) {
		this.connectionLimit = connectionLimit;
	}

	public @Nullable String getStaticRoot() {
		return this.staticRoot;
	}

	public void setStaticRoot(@Nullable String staticRoot) {
		this.staticRoot = staticRoot;
	}

	public String getAccessLog() {
		return this.accessLog;
	}

	public void setAccessLog(String accessLog) {
		this.accessLog = accessLog;
	}

	public String getErrorLog() {
		return this.errorLog;
	}

	public void setErrorLog(String errorLog) {
		this.errorLog = errorLog;
	}

	public @Nullable String getImage() {
		return this.image;
	}

	public void setImage(@Nullable String image) {
		this.image = image;
	}

	public String getNginxImage() {
		return this.nginxImage;
	}

	public void setNginxImage(String nginxImage) {
		this.nginxImage = nginxImage;
	}

	public String getGatewayName() {
		return this.gatewayName;
	}

	public void setGatewayName(String gatewayName) {
		this.gatewayName = gatewayName;
	}

	public String getGatewayNamespace() {
		return this.gatewayNamespace;
	}

	public void setGatewayNamespace(String gatewayNamespace) {
		this.gatewayNamespace = gatewayNamespace;
	}

	public String getProxyNamespace() {
		return this.proxyNamespace;
	}

	public void setProxyNamespace(String proxyNamespace) {
		this.proxyNamespace = proxyNamespace;
	}

	public String getMonitoringNamespace() {
		return this.monitoringNamespace;
	}

	public void setMonitoringNamespace(String monitoringNamespace) {
		this.monitoringNamespace = monitoringNamespace;
	}

	public DataSize getMemoryLimit() {
		return this.memoryLimit;
	}

	public void setMemoryLimit(DataSize memoryLimit) {
		this.memoryLimit = memoryLimit;
	}

	public DataSize getNonHeap() {
		return this.nonHeap;
	}

	public void setNonHeap(DataSize nonHeap) {
		this.nonHeap = nonHeap;
	}

	public String getComposeSubnet() {
		return this.composeSubnet;
	}

	public void setComposeSubnet(String composeSubnet) {
		this.composeSubnet = composeSubnet;
	}

}
