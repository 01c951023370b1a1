using System.Globalization;
using System.Text;
using QRCoder;

namespace GovBot.Host.Staff;

/// <summary>
/// A QR code as inline SVG, drawn here from QRCoder's matrix (no image service, no script): one unit square per dark
/// module, on a white field that includes the quiet zone, so it scales to any print size without blur.
/// </summary>
public static class QrSvg
{
    /// <summary>Level M survives a worn or partly covered notice and keeps a short link's code small enough to scan from a phone.</summary>
    public static string Draw(string text, int pixels, string? id = null)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x]) path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        var idAttr = id is null ? "" : $" id=\"{StaffHtml.E(id)}\"";
        return $"<svg{idAttr} class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{pixels}\" height=\"{pixels}\" " +
               $"shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"二维码\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>" +
               $"<path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
