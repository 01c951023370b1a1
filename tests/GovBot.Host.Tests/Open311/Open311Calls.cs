using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Open311;

/// <summary>A county system calling the Open311 API of a real host, as any GeoReport v2 client would over HTTP.</summary>
internal sealed class Open311Calls(BotHost bot)
{
    public const string ClientName = "清徐县12345热线";
    public const string ApiKey = "qx-12345-open311-test-key";
    public const string Jurisdiction = "qingxu.gov.cn";

    /// <summary>A host with one provisioned client and a jurisdiction id; <paramref name="extra"/> adds or overrides settings.</summary>
    public static Task<BotHost> StartHostAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Open311:Clients:0:Name"] = ClientName,
            ["Open311:Clients:0:ApiKey"] = ApiKey,
            ["Open311:JurisdictionId"] = Jurisdiction,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return BotHost.StartAsync(settings: settings);
    }

    /// <summary>The spec's fields of a request in GET requests, in the spec's order.</summary>
    public static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    /// <summary>GET as the provisioned client: the api_key is added to the query unless <paramref name="withKey"/> is false or the path names one.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, string ContentType)> GetJsonAsync(string path, bool withKey = true)
    {
        using var response = await bot.Http.GetAsync("open311/v2/" + Keyed(path, withKey));
        return (response.StatusCode, await ReadJsonAsync(response), response.Content.Headers.ContentType?.ToString() ?? "");
    }

    public async Task<(HttpStatusCode Status, XDocument Body, string ContentType)> GetXmlAsync(string path, bool withKey = true)
    {
        using var response = await bot.Http.GetAsync("open311/v2/" + Keyed(path, withKey));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, XDocument.Parse(text), response.Content.Headers.ContentType?.ToString() ?? "");
    }

    private static string Keyed(string path, bool withKey) =>
        !withKey || path.Contains("api_key=", StringComparison.Ordinal) ? path : path + (path.Contains('?') ? "&" : "?") + "api_key=" + ApiKey;

    /// <summary>POST requests.json, form-encoded as the spec prescribes; the api_key is added unless given (null leaves it out).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(IDictionary<string, string> form, string? apiKey = ApiKey)
    {
        using var response = await PostAsync("requests.json", form, apiKey);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> form, string? apiKey = ApiKey)
    {
        var fields = new Dictionary<string, string>(form);
        if (apiKey is not null) fields.TryAdd("api_key", apiKey);
        using var content = new FormUrlEncodedContent(fields);
        return await bot.Http.PostAsync("open311/v2/" + path, content);
    }

    /// <summary>Files a report at 清华苑一期3号楼 and returns its service_request_id.</summary>
    public async Task<string> FileAsync(string serviceCode, string description = "3号楼楼道里堆满了纸箱，堵住了通道", string address = "清华苑一期3号楼")
    {
        var (status, body) = await PostJsonAsync(new Dictionary<string, string>
        {
            ["service_code"] = serviceCode,
            ["description"] = description,
            ["address_string"] = address,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return body[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>The service_code of a category, looked up by name through services.json as a client would.</summary>
    public async Task<string> CodeOfAsync(string serviceName)
    {
        var (_, services, _) = await GetJsonAsync("services.json");
        return services.EnumerateArray().First(s => s.GetProperty("service_name").GetString() == serviceName)
            .GetProperty("service_code").GetString()!;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
