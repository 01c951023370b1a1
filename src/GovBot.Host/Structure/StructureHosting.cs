using GovBot.Host.Staff;

namespace GovBot.Host.Structure;

/// <summary>The county structure workbook: template, preview and apply on /staff/structure, for county admins only.</summary>
public static class StructureHosting
{
    public static IHostApplicationBuilder AddStructureHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StructureImporter>();
        builder.Services.AddSingleton<PreviewedUploads>();
        return builder;
    }

    /// <summary>Mapped inside the staff pages' group, so the forms pass <see cref="StaffFormGuard"/> (antiforgery) first.</summary>
    public static IEndpointRouteBuilder MapCountyStructure(this IEndpointRouteBuilder pages)
    {
        var county = pages.MapGroup("/staff/structure").RequireAuthorization(StaffAccess.County);
        county.MapGet("", StructurePages.ShowAsync);
        county.MapGet("/template.xlsx", StructurePages.Template);
        // 20 MB of workbook plus the form around it.
        county.MapPost("/preview", StructurePages.PreviewAsync).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CountyWorkbookReader.MaxBytes + 1024 * 1024));
        county.MapPost("/apply", StructurePages.ApplyAsync);
        return pages;
    }
}
