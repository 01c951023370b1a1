using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>The answer to department/list.</summary>
public sealed record WeComDepartmentsResult : WeComResult
{
    [JsonPropertyName("department")]
    public IReadOnlyList<WeComDepartment> Departments { get; init; } = [];
}

/// <summary>One department; the root of the corp has parentid 0.</summary>
public sealed record WeComDepartment
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("parentid")]
    public long ParentId { get; init; }

    /// <summary>Larger comes first, as in the WeCom client.</summary>
    [JsonPropertyName("order")]
    public long Order { get; init; }
}

/// <summary>The answer to user/simplelist.</summary>
public sealed record WeComDepartmentMembersResult : WeComResult
{
    [JsonPropertyName("userlist")]
    public IReadOnlyList<WeComMemberRef> Members { get; init; } = [];
}

public sealed record WeComMemberRef
{
    [JsonPropertyName("userid")]
    public string UserId { get; init; } = "";

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("department")]
    public IReadOnlyList<long> Departments { get; init; } = [];
}

/// <summary>The answer to user/get. Every field but userid may be missing when WeCom withholds it from the app.</summary>
public sealed record WeComMemberResult : WeComResult
{
    public const int Active = 1;
    public const int Disabled = 2;
    public const int NotActivated = 4;
    public const int LeftCorp = 5;

    [JsonPropertyName("userid")]
    public string? UserId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("mobile")]
    public string? Mobile { get; init; }

    [JsonPropertyName("department")]
    public IReadOnlyList<long>? Departments { get; init; }

    [JsonPropertyName("position")]
    public string? Position { get; init; }

    /// <summary>1 active, 2 disabled, 4 not activated, 5 left the corp; null when not given.</summary>
    [JsonPropertyName("status")]
    public int? Status { get; init; }
}
