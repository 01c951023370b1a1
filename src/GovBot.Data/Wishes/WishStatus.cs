namespace GovBot.Data.Wishes;

public enum WishStatus
{
    /// <summary>待审核: posted, waiting for the community's staff.</summary>
    Pending = 1,
    /// <summary>已退回: staff sent it back with a reason.</summary>
    Returned = 2,
    /// <summary>待认领: listed for party members.</summary>
    Open = 3,
    /// <summary>已认领: one member took it on.</summary>
    Claimed = 4,
    /// <summary>待确认: the member says it is done; the resident confirms.</summary>
    Fulfilled = 5,
    /// <summary>已完成: the resident confirmed; points went to the member.</summary>
    Confirmed = 6,
}
