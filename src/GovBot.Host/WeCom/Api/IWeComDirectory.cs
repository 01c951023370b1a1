namespace GovBot.Host.WeCom.Api;

/// <summary>
/// WeCom's address book (通讯录), read only: departments, who is in one, and one member's details. What an app may see
/// is limited by its 可见范围; a field WeCom hides (mobile for apps made after 2022-06-20) comes back null, never "".
/// Answers come back as results; a missing answer throws <see cref="WeComTransientException"/>.
/// </summary>
public interface IWeComDirectory
{
    /// <summary>department/list: <paramref name="id"/> and everything under it, or every department the app may see.</summary>
    Task<WeComDepartmentsResult> DepartmentsAsync(long? id = null, CancellationToken ct = default);

    /// <summary>user/simplelist: the members directly in one department (not its sub-departments).</summary>
    Task<WeComDepartmentMembersResult> MembersOfAsync(long departmentId, CancellationToken ct = default);

    /// <summary>user/get: one member; errcode 60111 when there is no such userid.</summary>
    Task<WeComMemberResult> MemberAsync(string userId, CancellationToken ct = default);
}
