namespace GovBot.Host.Staff;

/// <summary>
/// The staff pages under /staff (<see cref="StaffPages"/>: sign-in, dashboard, work lists, and the pages other
/// features map inside their group) and what a browser is told and believed there (<see cref="StaffWebProtections"/>).
/// </summary>
public static class StaffHosting
{
    public static IHostApplicationBuilder AddStaffHosting(this IHostApplicationBuilder builder)
    {
        builder.AddStaffPages();
        builder.AddStaffWebProtections();
        return builder;
    }

    public static IEndpointRouteBuilder MapStaffHosting(this IEndpointRouteBuilder app)
    {
        app.MapStaffPages();
        return app;
    }
}
