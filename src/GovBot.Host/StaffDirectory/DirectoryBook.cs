using GovBot.Host.WeCom.Api;

namespace GovBot.Host.StaffDirectory;

/// <summary>One member as the address book shows them; null fields are ones WeCom did not give (unknown, not blank).</summary>
public sealed record DirectoryMember(string UserId, string? Name, string? Mobile, string? Position, IReadOnlySet<long> Departments);

/// <summary>
/// What one sync read from WeCom: the departments the app may see, the members of the mapped departments, and the
/// user ids WeCom says are gone (60111, or status 5). Read completely before anything is changed.
/// </summary>
public sealed record DirectoryBook(IReadOnlyList<WeComDepartment> Departments, IReadOnlyDictionary<string, DirectoryMember> Members, IReadOnlySet<string> Gone);

/// <summary>WeCom could not be read completely; the sync changes nothing.</summary>
public sealed class DirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads the mapped departments' members from WeCom into a <see cref="DirectoryBook"/>.</summary>
public sealed class DirectoryReader(IWeComDirectory wecom)
{
    public async Task<DirectoryBook> ReadAsync(IReadOnlyCollection<long> mappedDepartments, CancellationToken ct)
    {
        try
        {
            var departments = Ok(await wecom.DepartmentsAsync(null, ct), "部门列表");
            var visible = departments.Departments.Select(d => d.Id).ToHashSet();
            var memberDepartments = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
            var listedNames = new Dictionary<string, string?>(StringComparer.Ordinal);
            // A mapped department the app cannot see any more has no members here; the removal threshold guards that case.
            foreach (var id in mappedDepartments.Where(visible.Contains))
            {
                var members = Ok(await wecom.MembersOfAsync(id, ct), "部门成员");
                foreach (var m in members.Members.Where(m => m.UserId.Length > 0))
                {
                    if (!memberDepartments.TryGetValue(m.UserId, out var set)) memberDepartments[m.UserId] = set = [];
                    set.Add(id);
                    set.UnionWith(m.Departments);
                    listedNames[m.UserId] = m.Name;
                }
            }

            var found = new Dictionary<string, DirectoryMember>(StringComparer.Ordinal);
            var gone = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (userId, set) in memberDepartments)
            {
                var detail = await wecom.MemberAsync(userId, ct);
                if (detail.ErrCode == WeComErrors.UserNotFound || detail.Status == WeComMemberResult.LeftCorp)
                {
                    gone.Add(userId);
                    continue;
                }
                Ok(detail, "成员详情");
                if (detail.Departments is { } ds) set.UnionWith(ds);
                found[userId] = new DirectoryMember(userId, Blank(detail.Name) ?? Blank(listedNames[userId]), Blank(detail.Mobile), Blank(detail.Position), set);
            }
            return new DirectoryBook(departments.Departments, found, gone);
        }
        catch (WeComTransientException ex)
        {
            throw new DirectoryUnavailableException("暂时连不上企业微信", ex);
        }
    }

    /// <summary>WeCom's department list alone, for the mapping page.</summary>
    public async Task<IReadOnlyList<WeComDepartment>> DepartmentsAsync(CancellationToken ct)
    {
        try
        {
            return Ok(await wecom.DepartmentsAsync(null, ct), "部门列表").Departments;
        }
        catch (WeComTransientException ex)
        {
            throw new DirectoryUnavailableException("暂时连不上企业微信", ex);
        }
    }

    private static T Ok<T>(T result, string what) where T : WeComResult =>
        result.IsOk ? result : throw new DirectoryUnavailableException(result.ErrCode is WeComErrors.NoPrivilege
            ? $"企业微信不让本应用读取{what}，请在管理后台检查应用的可见范围"
            : $"企业微信没有给出{what}（错误码 {result.ErrCode}）");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
