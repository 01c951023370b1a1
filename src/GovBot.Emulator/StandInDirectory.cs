namespace GovBot.Emulator;

/// <summary>A department of the stand-in's address book.</summary>
public sealed record StandInDepartment(long Id, string Name, long ParentId = 1, long Order = 100000000);

/// <summary>
/// A member of the stand-in's address book. A null <see cref="Mobile"/> or <see cref="Position"/> is left out of
/// user/get, as WeCom leaves out what the app may not see. Status: 1 active, 2 disabled, 4 not activated, 5 left.
/// </summary>
public sealed record StandInMember(string UserId, string Name, IReadOnlyList<long> Departments, string? Mobile = null, string? Position = null, int Status = 1);

/// <summary>
/// The address book (通讯录) the stand-in serves through department/list, user/simplelist and user/get; tests and the
/// emulator fill it. Department 1 (the corp itself) is always there.
/// </summary>
public sealed class StandInDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, StandInDepartment> _departments = new() { [1] = new StandInDepartment(1, "本单位", 0) };
    private readonly Dictionary<string, StandInMember> _members = new(StringComparer.OrdinalIgnoreCase);

    public void SetDepartment(StandInDepartment department)
    {
        lock (_gate) _departments[department.Id] = department;
    }

    public void RemoveDepartment(long id)
    {
        lock (_gate) _departments.Remove(id);
    }

    public void SetMember(StandInMember member)
    {
        lock (_gate) _members[member.UserId] = member;
    }

    /// <summary>Deletes the member, as an admin removing someone from the address book: user/get then answers 60111.</summary>
    public void RemoveMember(string userId)
    {
        lock (_gate) _members.Remove(userId);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _members.Clear();
            _departments.Clear();
            _departments[1] = new StandInDepartment(1, "本单位", 0);
        }
    }

    public StandInDepartment? Department(long id)
    {
        lock (_gate) return _departments.GetValueOrDefault(id);
    }

    /// <summary><paramref name="root"/> and every department below it, parents first; all departments when null.</summary>
    public IReadOnlyList<StandInDepartment> Departments(long? root)
    {
        lock (_gate)
        {
            if (root is null) return [.. _departments.Values.OrderBy(d => d.Id)];
            if (!_departments.TryGetValue(root.Value, out var top)) return [];
            var found = new List<StandInDepartment> { top };
            for (var i = 0; i < found.Count; i++)
                found.AddRange(_departments.Values.Where(d => d.ParentId == found[i].Id && d.Id != found[i].Id).OrderBy(d => d.Id));
            return found;
        }
    }

    /// <summary>Members directly in the department who have not left the corp, as user/simplelist lists them.</summary>
    public IReadOnlyList<StandInMember> MembersOf(long departmentId)
    {
        lock (_gate) return [.. _members.Values.Where(m => m.Status != 5 && m.Departments.Contains(departmentId)).OrderBy(m => m.UserId, StringComparer.Ordinal)];
    }

    public StandInMember? Member(string userId)
    {
        lock (_gate) return _members.GetValueOrDefault(userId);
    }
}
