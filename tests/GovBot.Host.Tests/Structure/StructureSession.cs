using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using GovBot.Host.Structure;
using GovBot.Host.Tests.Staff;

namespace GovBot.Host.Tests.Structure;

/// <summary>
/// A real-mode host on an empty store (no demo county) with the bootstrap county admin signed in, and the steps a
/// county office takes on /staff/structure: download the template, upload, read the preview, confirm.
/// </summary>
public sealed partial class StructureSession : IAsyncDisposable
{
    private StructureSession(StaffHost host, HttpClient admin)
    {
        Host = host;
        Admin = admin;
    }

    public StaffHost Host { get; }
    public HttpClient Admin { get; }

    public static async Task<StructureSession> StartAsync()
    {
        var host = await StaffHost.StartAsync(new Dictionary<string, string?> { ["Data:SeedDemoCounty"] = "false" });
        return new StructureSession(host, await host.AdminAsync());
    }

    /// <summary>The template's example rows, one per sheet, to change a cell of in a test.</summary>
    public static Dictionary<string, List<string[]>> TemplateRows() =>
        CountySheets.All.ToDictionary(s => s.Name, s => new List<string[]> { s.Example.ToArray() });

    public static byte[] Workbook(Dictionary<string, List<string[]>> rows) =>
        CountyWorkbookWriter.Write(rows.ToDictionary(r => r.Key, r => r.Value.Select(x => (IReadOnlyList<string>)x)));

    /// <summary>Uploads files as the page's form does (multipart, with the page's antiforgery field); the preview page and its status.</summary>
    public async Task<(HttpStatusCode Status, string Html)> UploadAsync(params (string Name, byte[] Bytes)[] files) => await UploadAsync(Admin, files);

    public static async Task<(HttpStatusCode Status, string Html)> UploadAsync(HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        using var page = await client.GetAsync("/staff/structure");
        var token = StaffFormTokens.TokenIn(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent { { new StringContent(token), StaffFormTokens.FieldName } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : CountyWorkbookWriter.ContentType);
            form.Add(content, "files", name);
        }
        using var answer = await client.PostAsync("/staff/structure/preview", form);
        return (answer.StatusCode, WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
    }

    /// <summary>Presses 确认导入 on a preview page.</summary>
    public async Task<(HttpStatusCode Status, string Html)> ApplyAsync(string previewHtml)
    {
        var sha = Hidden("sha256").Match(previewHtml);
        Assert.True(sha.Success, "The preview offers no 确认导入.");
        using var answer = await Admin.PostAsync("/staff/structure/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sha256"] = sha.Groups[1].Value, ["digest"] = Hidden("digest").Match(previewHtml).Groups[1].Value,
        }));
        return (answer.StatusCode, WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
    }

    /// <summary>Uploads and confirms; fails the test when either step is refused.</summary>
    public async Task<string> ImportAsync(byte[] workbook, string name = "县域结构.xlsx")
    {
        var (status, preview) = await UploadAsync((name, workbook));
        Assert.Equal(HttpStatusCode.OK, status);
        var (applied, html) = await ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, applied);
        Assert.Contains("已导入", html);
        return html;
    }

    /// <summary>(added, changed, unchanged) of one sheet in the preview's counts table; null when the sheet is not there.</summary>
    public static (int Added, int Changed, int Unchanged)? Counts(string html, string sheet)
    {
        var m = Regex.Match(html, $"<tr data-sheet=\"{sheet}\"><td>{sheet}</td><td class=\"added\">(\\d+)</td><td class=\"changed\">(\\d+)</td><td class=\"unchanged\">(\\d+)</td></tr>");
        return m.Success ? (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)) : null;
    }

    private static Regex Hidden(string name) => new($"name=\"{name}\" value=\"([^\"]*)\"");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
