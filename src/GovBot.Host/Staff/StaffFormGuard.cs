using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Staff;

/// <summary>
/// Every POST of the staff pages passes here before its handler: it must come from a page of this host (Origin or
/// Referer), be a form, and carry the antiforgery token the page rendered into it. The cookie alone proves only that
/// a browser is signed in, not that the person meant to send this form. A malformed body is a 400 page, never a 500.
/// </summary>
public sealed class StaffFormGuard(IAntiforgery antiforgery, IOptions<StaffOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return await next(context);
        if (!FromThisHost(http.Request))
            return Refusal(StatusCodes.Status403Forbidden, "这个请求不是从社区工作台页面发出的，已拒绝。请打开工作台重新操作。");
        if (!http.Request.HasFormContentType)
            return Refusal(StatusCodes.Status400BadRequest, "提交的内容不是表单，请回到页面重新提交。");
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return await next(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Refusal(StatusCodes.Status400BadRequest, "页面已过期，请刷新页面后重新提交。");
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException || (e is IOException && !http.RequestAborted.IsCancellationRequested))
        {
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? Refusal(StatusCodes.Status413PayloadTooLarge, "提交的内容太大（上传的表格不超过 20MB），请缩小后重新提交。")
                : Refusal(StatusCodes.Status400BadRequest, "提交的表单看不懂，请回到页面重新提交。");
        }
    }

    private static IResult Refusal(int status, string why) => StaffHtml.Page("没有提交", null, $"<p class=\"warn\" id=\"error\">{StaffHtml.E(why)}</p><p><a href=\"/staff\">回到工作台</a></p>", status);

    /// <summary>
    /// Browsers send Origin on a form POST (older ones at least Referer); a request naming another site is refused.
    /// Only the host name is compared: behind a TLS proxy the scheme and port seen here differ from the browser's.
    /// </summary>
    internal bool FromThisHost(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) origin = request.Headers.Referer.ToString();
        if (origin.Length == 0) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from)) return false;
        if (string.Equals(from.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)) return true;
        return Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var site) && string.Equals(from.Host, site.Host, StringComparison.OrdinalIgnoreCase);
    }
}
