using System.Net;
using System.Text.RegularExpressions;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// Posts staff forms as a browser does after opening the page: a form to /staff gets the antiforgery field that a
/// page of this host rendered for the same cookies (the sign-in page has a form for everyone).
/// </summary>
public sealed partial class StaffFormTokens(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string FieldName = "__RequestVerificationToken";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.StartsWith("/staff", StringComparison.Ordinal)
            && request.Content is FormUrlEncodedContent form)
        {
            var fields = await form.ReadAsStringAsync(ct);
            if (!fields.Contains(FieldName, StringComparison.Ordinal))
            {
                var token = await TokenAsync(new Uri(request.RequestUri, "/staff/login"), ct);
                var withToken = (fields.Length > 0 ? fields + "&" : "") + FieldName + "=" + Uri.EscapeDataString(token);
                request.Content = new StringContent(withToken, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            }
        }
        return await base.SendAsync(request, ct);
    }

    private async Task<string> TokenAsync(Uri page, CancellationToken ct)
    {
        using var response = await base.SendAsync(new HttpRequestMessage(HttpMethod.Get, page), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(Token().Match(await response.Content.ReadAsStringAsync(ct)).Groups[1].Value);
    }

    /// <summary>The token field as the pages render it.</summary>
    public static string TokenIn(string html) => WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
