using System.Net;

namespace GovBot.Host.Telemetry;

/// <summary>Section <c>Telemetry</c>: where metrics, traces and logs go, and who may scrape <c>/metrics</c>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public OtlpOptions Otlp { get; set; } = new();

    public PrometheusOptions Prometheus { get; set; } = new();

    public sealed class OtlpOptions
    {
        /// <summary>The collector's base address, e.g. <c>http://otel-collector:4318</c>; unset (and no OTEL_EXPORTER_OTLP_ENDPOINT) exports nothing.</summary>
        public Uri? Endpoint { get; set; }

        /// <summary><c>http/protobuf</c> (port 4318, the default) or <c>grpc</c> (port 4317).</summary>
        public string Protocol { get; set; } = "http/protobuf";

        /// <summary>How often metrics are pushed.</summary>
        public TimeSpan MetricInterval { get; set; } = TimeSpan.FromSeconds(60);
    }

    public sealed class PrometheusOptions
    {
        /// <summary>
        /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose requests may scrape without a key. Empty means loopback only.
        /// Left without a default here, because binding appends configured items to an initialised list.
        /// </summary>
        public List<string> AllowedNetworks { get; set; } = [];

        /// <summary>A scrape key: a request carrying it in <c>X-Metrics-Key</c> (or <c>Authorization: Bearer</c>) may scrape from anywhere.</summary>
        public string? Key { get; set; }

        public IReadOnlyList<IPNetwork> Networks() => AllowedNetworks.Count == 0
            ? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]
            : AllowedNetworks.Select(n => IPNetwork.Parse(n.Trim())).ToList();
    }

    internal bool NetworksParse() =>
        Prometheus.AllowedNetworks.All(n => IPNetwork.TryParse(n.Trim(), out _));
}
