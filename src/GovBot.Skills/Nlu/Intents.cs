namespace GovBot.Skills.Nlu;

/// <summary>The intent names the router emits; external tools measure against these exact strings.</summary>
public static class Intents
{
    public const string ReportProblem = "report_problem";
    public const string CheckIn = "check_in";
    public const string BookService = "book_service";
    public const string QueryPoints = "query_points";
    public const string MicroWish = "micro_wish";
    public const string GridContact = "grid_contact";
    public const string MyRequests = "my_requests";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
        [ReportProblem, CheckIn, BookService, QueryPoints, MicroWish, GridContact, MyRequests, Help, Cancel, Other];
}

/// <summary>Entity names the router emits.</summary>
public static class Entities
{
    public const string Compound = "compound";
    public const string Community = "community";
    /// <summary>Value is the building number as digits: "3号楼" and "三栋" both give "3".</summary>
    public const string Building = "building";
    public const string Unit = "unit";
    public const string Room = "room";
    /// <summary>Value is a report category name from the store, e.g. "飞线充电".</summary>
    public const string Category = "category";
    /// <summary>Value is the 11 digits of a mainland mobile number.</summary>
    public const string Phone = "phone";
    /// <summary>Value is an ISO 8601 local China time, e.g. "2026-11-28T09:00:00+08:00".</summary>
    public const string DateTime = "datetime";
    /// <summary>Value is a volunteer service name, e.g. "理发".</summary>
    public const string Service = "service";
    /// <summary>Value is a ticket number as printed, e.g. "A1234".</summary>
    public const string Ticket = "ticket";
    public const string Number = "number";
}
