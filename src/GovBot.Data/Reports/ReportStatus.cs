namespace GovBot.Data.Reports;

/// <summary>说事→协商→办理→评价, plus rejection.</summary>
public enum ReportStatus
{
    /// <summary>已上报: waiting for a grid worker to accept it.</summary>
    Reported = 0,
    /// <summary>已受理.</summary>
    Accepted = 1,
    /// <summary>协商中: on the agenda of the compound's residents' council or the next joint meeting.</summary>
    Deliberating = 2,
    /// <summary>已办结: handled, waiting for the resident's rating.</summary>
    Handled = 3,
    /// <summary>已评价 (also when the resident did not rate within the allowed days).</summary>
    Rated = 4,
    /// <summary>已驳回, with a reason.</summary>
    Rejected = 5,
}

/// <summary>Who a report was handed over to.</summary>
public enum HandoverTarget
{
    Grid = 1,
    PropertyManager = 2,
    Community = 3,
}
