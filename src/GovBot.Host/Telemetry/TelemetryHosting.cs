using GovBot.Skills.Ai;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GovBot.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host: meters "GovBot" and "GovBot.Ai", the ActivitySource "GovBot", ASP.NET Core, HttpClient
/// and runtime instrumentation. Metrics, traces and logs go over OTLP only when an endpoint is configured; a Prometheus
/// scrape answers on <c>/metrics</c> to allowed networks or the scrape key (<see cref="MetricsGate"/>). Log lines carry
/// the trace and span id (never the message text), so one message's lines can be found by its trace.
/// </summary>
public static class TelemetryHosting
{
    public const string MeterName = "GovBot";
    public const string ScrapePath = "/metrics";
    private const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddTelemetryHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>()
            .Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName))
            // Nested sections: data annotations would not reach them, so each rule is spelled out.
            .Validate(o => o.Otlp.Protocol is "http/protobuf" or "grpc", "Telemetry:Otlp:Protocol must be http/protobuf or grpc")
            .Validate(o => o.Otlp.MetricInterval >= TimeSpan.FromSeconds(1), "Telemetry:Otlp:MetricInterval must be at least 00:00:01")
            .Validate(o => o.Prometheus.Key is null || o.Prometheus.Key.Length >= 16,
                "Telemetry:Prometheus:Key is shorter than 16 characters: use a long random key (e.g. openssl rand -hex 24), or leave it unset")
            .Validate(o => o.NetworksParse(), "Telemetry:Prometheus:AllowedNetworks holds an entry that is not a network: write each as CIDR, e.g. 10.0.0.0/8 or 127.0.0.1/32")
            .ValidateOnStart();
        services.AddSingleton<MetricsGate>();

        // Every log line inside a span carries its trace and span id; the console shows them (scopes on).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);

        var otlp = Otlp(builder.Configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("GovBot"))
            .WithMetrics(m =>
            {
                m.AddMeter(MeterName, AiMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                    m.AddOtlpExporter((exporter, reader) =>
                    {
                        otlp.Apply(exporter, "v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)otlp.Options.MetricInterval.TotalMilliseconds;
                    });
            })
            .WithTracing(t =>
            {
                t.AddSource(GovBotTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/healthz") && !c.Request.Path.StartsWithSegments(ScrapePath))
                    .AddHttpClientInstrumentation();
                if (otlp is not null) t.AddOtlpExporter(exporter => otlp.Apply(exporter, "v1/traces"));
            });
        if (otlp is not null) telemetry.WithLogging(l => l.AddOtlpExporter(exporter => otlp.Apply(exporter, "v1/logs")));
        return builder;
    }

    public static IEndpointRouteBuilder MapTelemetryHosting(this IEndpointRouteBuilder app)
    {
        var gate = app.ServiceProvider.GetRequiredService<MetricsGate>();
        app.MapPrometheusScrapingEndpoint(ScrapePath, meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(gate.InvokeAsync), optionsName: null);
        return app;
    }

    /// <summary>The OTLP settings to use, or null to export nothing: Telemetry:Otlp:Endpoint first, then the standard variable.</summary>
    private static OtlpTarget? Otlp(IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Otlp.Endpoint is not null) return new OtlpTarget(options.Otlp, Configured: true);
        return string.IsNullOrWhiteSpace(configuration[StandardEndpointKey]) ? null : new OtlpTarget(options.Otlp, Configured: false);
    }

    private sealed record OtlpTarget(TelemetryOptions.OtlpOptions Options, bool Configured)
    {
        /// <summary>
        /// Our own endpoint is a base address: over HTTP each signal has its path, which the exporter appends only to
        /// an endpoint it read from OTEL_* itself. With only the standard variables set, the exporter reads them all.
        /// </summary>
        public void Apply(OtlpExporterOptions exporter, string signalPath)
        {
            if (!Configured) return;
            var grpc = Options.Protocol == "grpc";
            exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            var baseUri = Options.Endpoint!.ToString().TrimEnd('/');
            exporter.Endpoint = new Uri(grpc ? baseUri : baseUri + "/" + signalPath);
        }
    }
}
