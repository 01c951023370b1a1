using System.Globalization;
using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace GovBot.Host.Tests.CustomerService.Entry;

/// <summary>
/// Reads a QR code the staff pages drew (QrSvg: one "Mx yh1v1h-1z" square per dark module) the way a phone would:
/// painted onto a grey bitmap and handed to ZXing, so a code holding the wrong text, or not a QR code at all, fails.
/// </summary>
public static partial class QrReader
{
    private const int Scale = 4;

    /// <summary>The text of the SVG with <paramref name="id"/> in <paramref name="html"/>.</summary>
    public static string Read(string html, string id)
    {
        var svg = Regex.Match(html, $"<svg id=\"{Regex.Escape(id)}\"[^>]*viewBox=\"0 0 (\\d+) \\d+\".*?</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, $"No QR code {id} on the page.");
        var size = int.Parse(svg.Groups[1].Value, CultureInfo.InvariantCulture);
        var pixels = Enumerable.Repeat((byte)255, size * Scale * size * Scale).ToArray();
        foreach (Match m in Module().Matches(svg.Value))
        {
            var (x, y) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            for (var dy = 0; dy < Scale; dy++)
                for (var dx = 0; dx < Scale; dx++)
                    pixels[((y * Scale) + dy) * size * Scale + (x * Scale) + dx] = 0;
        }
        var source = new RGBLuminanceSource(pixels, size * Scale, size * Scale, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.True(result is not null, $"QR code {id} does not decode.");
        return result.Text;
    }

    [GeneratedRegex(@"M(\d+) (\d+)h1v1h-1z")]
    private static partial Regex Module();
}
