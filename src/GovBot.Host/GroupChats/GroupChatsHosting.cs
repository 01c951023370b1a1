using GovBot.Host.Staff;

namespace GovBot.Host.GroupChats;

/// <summary>
/// Grid group chats (appchat): <see cref="GridGroupChats"/> creates them and queues announcements in the outbox, whose
/// sender delivers a row with a ChatId through appchat/send; /staff/grids is the page.
/// </summary>
public static class GroupChatsHosting
{
    public static IHostApplicationBuilder AddGroupChatsHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<GridGroupChats>();
        return builder;
    }

    /// <summary>Mapped inside the staff pages' group (antiforgery first), for community staff and county admins.</summary>
    public static IEndpointRouteBuilder MapGroupChatPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGroup("").RequireAuthorization(StaffAccess.Community).MapStaffGroupChats();
        return pages;
    }
}
