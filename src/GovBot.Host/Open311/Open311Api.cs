using Microsoft.AspNetCore.Http.Features;

namespace GovBot.Host.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2, so county systems and existing Open311 clients can read and file
/// reports: services, a service's definition, requests (GET and POST) and one request, each as .json or .xml.
/// Errors are the spec's list of code and description, in the format asked for.
/// </summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";

    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.AddEndpointFilter(RenderErrorsAsync);
        group.MapGet("/services.{format}", ListServicesAsync);
        group.MapGet("/services/{code}.{format}", DefineServiceAsync);
        group.MapGet("/requests.{format}", ListRequestsAsync);
        group.MapPost("/requests.{format}", CreateRequestAsync);
        group.MapGet("/requests/{id}.{format}", GetRequestAsync);
        return group;
    }

    private static async ValueTask<object?> RenderErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (Open311Formats.Parse(http.Request.RouteValues[Open311Formats.RouteValue] as string) is null)
            return Open311Output.Error(Open311Format.Json, StatusCodes.Status404NotFound, "只提供 .json 和 .xml 两种格式。");
        try
        {
            return await next(context);
        }
        catch (Open311Exception e)
        {
            return Open311Output.Error(Open311Formats.Of(http), e.Status, e.Message);
        }
    }

    private static async Task<IResult> ListServicesAsync(HttpContext http, Open311Gate gate, Open311Catalog catalog, CancellationToken ct)
    {
        await gate.CheckReadAsync(http.Request, ct);
        var services = await catalog.ServicesAsync(ct);
        return Open311Output.List(Open311Formats.Of(http), "services", services.Select(ServiceMapping.ToService).ToList());
    }

    private static async Task<IResult> DefineServiceAsync(string code, HttpContext http, Open311Gate gate, Open311Catalog catalog, CancellationToken ct)
    {
        await gate.CheckReadAsync(http.Request, ct);
        var category = await catalog.FindAsync(code, ct);
        var communities = await catalog.CommunitiesAsync(ct);
        return Open311Output.Single(Open311Formats.Of(http), "service_definition", ServiceMapping.ToDefinition(category, communities));
    }

    private static async Task<IResult> ListRequestsAsync(
        HttpContext http, Open311Gate gate, Open311RequestQuery requests, TimeProvider time, CancellationToken ct)
    {
        await gate.CheckReadAsync(http.Request, ct);
        var filter = Open311RequestQuery.ParseFilter(http.Request.Query, time.GetUtcNow());
        return Open311Output.List(Open311Formats.Of(http), "service_requests", await requests.ListAsync(filter, ct));
    }

    private static async Task<IResult> GetRequestAsync(string id, HttpContext http, Open311Gate gate, Open311RequestQuery requests, CancellationToken ct)
    {
        await gate.CheckReadAsync(http.Request, ct);
        var request = await requests.FindAsync(id, ct) ?? throw Open311Exception.NotFound($"service_request_id「{id}」不存在。");
        return Open311Output.List(Open311Formats.Of(http), "service_requests", [request]);
    }

    private static async Task<IResult> CreateRequestAsync(HttpContext http, Open311Gate gate, Open311Filing filing, CancellationToken ct)
    {
        // A key in the query is checked before a byte of the body is read: a caller without one costs nothing.
        var queryKey = http.Request.Query[Open311Gate.ApiKeyParameter].ToString();
        var client = queryKey.Length > 0 ? await gate.ClientAsync(queryKey, "提交", ct) : null;
        if (!http.Request.HasFormContentType)
            throw Open311Exception.BadRequest("请用 application/x-www-form-urlencoded 提交表单。");
        var form = await ReadBoundedFormAsync(http, ct);
        // The key first: a caller without one learns nothing, not even which service codes exist.
        client ??= await gate.ClientAsync(form[Open311Gate.ApiKeyParameter], "提交", ct);
        gate.CheckJurisdiction(form[Open311Gate.JurisdictionParameter]);
        var created = await filing.FileAsync(client, form, ct);
        return Open311Output.List(Open311Formats.Of(http), "service_requests", [created]);
    }

    /// <summary>
    /// A report is a few lines of text: a body over <see cref="Open311Options.MaxFormBytes"/> is refused (413) from its
    /// Content-Length, or while it is read, rather than buffered whole; a body that is not a readable form is a 400.
    /// </summary>
    private static async Task<IFormCollection> ReadBoundedFormAsync(HttpContext http, CancellationToken ct)
    {
        const int max = Open311Options.MaxFormBytes;
        var tooLarge = new Open311Exception(StatusCodes.Status413PayloadTooLarge, $"提交的内容太大，最多 {max / 1024} KB。");
        if (http.Request.ContentLength > max) throw tooLarge;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        try
        {
            return await http.Request.ReadFormAsync(new FormOptions { BufferBodyLengthLimit = max, ValueLengthLimit = max, KeyLengthLimit = 1024 }, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw tooLarge;
        }
        catch (InvalidDataException)
        {
            // The form reader's own limits: a value or the body longer than allowed.
            throw tooLarge;
        }
        catch (BadHttpRequestException)
        {
            throw Open311Exception.BadRequest("提交的表单无法读取。");
        }
    }
}
