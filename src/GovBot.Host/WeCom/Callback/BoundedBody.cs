using System.Text;

namespace GovBot.Host.WeCom.Callback;

/// <summary>Reads a request body as UTF-8 text, refusing (null) as soon as it grows past a limit.</summary>
internal static class BoundedBody
{
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream(capacity: (int)Math.Min(request.ContentLength ?? 4096, maxBytes));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        // Invalid UTF-8 becomes U+FFFD here and then fails the XML or signature checks like any other garbage.
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
