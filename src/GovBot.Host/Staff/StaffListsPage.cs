using GovBot.Host.Staff.Exports;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>GET /staff/lists: where the other work lists are, as pages and spreadsheets (the JSON endpoints are for scripts, not linked here).</summary>
public static class StaffListsPage
{
    public static async Task<IResult> Show(HttpContext http, StaffCallers callers, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Page("其他", scope, "<p>网格员在企业微信里处理报到、预约和积分，这里只有说事。</p>");
        var structure = scope.County
            ? "<li>全县结构和人员：<a id=\"structure\" href=\"/staff/structure\">下载模板、导入工作簿</a></li><li>工作人员：<a id=\"directory\" href=\"/staff/directory\">企业微信通讯录同步</a></li>"
            : "";
        return Page("其他", scope, $$"""
            <div class="panel"><ul>
            <li>双报到：<a href="/staff/checkins">待审核的报到</a>　{{StaffExport.Links("/api/checkins/export", "export-checkins", label: "导出全部报到")}}</li>
            <li>志愿服务：<a href="/staff/services">活动、时段和志愿任务</a>　{{StaffExport.Links("/staff/services/slots", "export-slots", label: "导出预约表格")}}</li>
            <li>红色积分：<a href="/staff/points">排行和手工加分</a>　{{StaffExport.Links("/staff/points/ledger", "export-ledger", label: "导出积分明细")}}</li>
            <li>网格群聊：<a id="grids" href="/staff/grids">建群、发停水通知和联席会议通知</a></li>
            <li>小区位置：<a id="compounds" href="/staff/compounds">各小区在地图上的坐标</a></li>
            {{structure}}</ul><p class="muted">这些名单用同一个登录，只显示您负责范围内的内容。</p></div>
            """);
    }
}
