using GovBot.Data.Reports;

namespace GovBot.Host.Staff;

/// <summary>Short words for the staff pages, where the chat's longer phrases ("已上报，等待受理") crowd a chart.</summary>
public static class StaffWording
{
    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Reported => "已上报",
        ReportStatus.Accepted => "已受理",
        ReportStatus.Deliberating => "协商中",
        ReportStatus.Handled => "已办结",
        ReportStatus.Rated => "已评价",
        _ => "已驳回",
    };
}
