using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GovBot.Host.WeCom.Api;

/// <summary>Turns every way an HTTP call to WeCom can go wrong without an answer into one exception type.</summary>
internal static class WeComHttp
{
    public static async Task<T> GuardAsync<T>(string endpoint, CancellationToken ct, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException ex)
        {
            throw new WeComTransientException($"{endpoint}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new WeComTransientException($"{endpoint}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new WeComTransientException($"{endpoint}: the answer is not WeCom JSON", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
            throw new WeComTransientException($"{endpoint}: timed out", ex);
        }
    }

    /// <summary>A WeCom answer is always HTTP 200; anything else is the network or WeCom's front door failing.</summary>
    public static void EnsureAnswered(HttpResponseMessage response, string endpoint)
    {
        if (!response.IsSuccessStatusCode)
            throw new WeComTransientException($"{endpoint}: HTTP {(int)response.StatusCode}");
    }

    public static async Task<T> ReadResultAsync<T>(HttpResponseMessage response, string endpoint, CancellationToken ct)
        where T : WeComResult =>
        await response.Content.ReadFromJsonAsync<T>(WeComJson.Options, ct)
        ?? throw new WeComTransientException($"{endpoint}: the answer is JSON null");

    public static StringContent JsonBody<T>(T body) =>
        new(JsonSerializer.Serialize(body, WeComJson.Options), Encoding.UTF8, "application/json");

    public static string Query(string value) => Uri.EscapeDataString(value);
}
