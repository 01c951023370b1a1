namespace GovBot.Host;

/// <summary>
/// Where the host listens when nobody said: http://localhost:5080, the address README and the scripts use. Kept out
/// of appsettings.json because a "Urls" there is read after the environment and the command line's host settings and
/// so silently beat ASPNETCORE_URLS and --urls; here it applies only when no standard setting is given.
/// </summary>
public static class HostUrls
{
    public const string Fallback = "http://localhost:5080";

    /// <summary>
    /// The fallback address, or null when the configuration already names one the ASP.NET Core way: urls
    /// (ASPNETCORE_URLS, --urls, "Urls", launchSettings' applicationUrl), http_ports/https_ports (ASPNETCORE_HTTP_PORTS,
    /// set by the official container images) or Kestrel:Endpoints.
    /// </summary>
    public static string? FallbackUnlessConfigured(IConfiguration configuration)
    {
        string[] keys = ["urls", "http_ports", "https_ports"];
        if (keys.Any(k => !string.IsNullOrWhiteSpace(configuration[k]))) return null;
        return configuration.GetSection("Kestrel:Endpoints").GetChildren().Any() ? null : Fallback;
    }

    /// <summary>Listens on <see cref="Fallback"/> unless the configuration names an address itself.</summary>
    public static WebApplicationBuilder UseFallbackUrlsUnlessConfigured(this WebApplicationBuilder builder)
    {
        if (FallbackUnlessConfigured(builder.Configuration) is { } fallback) builder.WebHost.UseUrls(fallback);
        return builder;
    }
}
