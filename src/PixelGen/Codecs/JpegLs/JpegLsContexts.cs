using System.Runtime.CompilerServices;

namespace PixelGen.Codecs.JpegLs;

/// <summary>Statistics of one regular-mode context (T.87 A.2.1): A, B, C and N.</summary>
internal struct JpegLsRegularContext
{
    public int A;
    public int B;
    public int C;
    public int N;

    public JpegLsRegularContext(int a)
    {
        A = a;
        B = 0;
        C = 0;
        N = 1;
    }

    /// <summary>Golomb parameter k: the smallest k with N·2^k ≥ A.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int GolombK()
    {
        int k = 0;
        for (int n = N; n < A; n <<= 1) k++;
        return k;
    }

    /// <summary>Context update and bias computation (A.6.1, A.6.2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int errVal, int twoNearPlusOne, int reset)
    {
        int a = A + Math.Abs(errVal);
        int b = B + errVal * twoNearPlusOne;
        int n = N;
        if (n == reset)
        {
            a >>= 1;
            b >>= 1;
            n >>= 1;
        }
        n++;
        A = a;
        N = n;
        if (b + n <= 0)
        {
            b += n;
            if (b <= -n) b = -n + 1;
            if (C > -128) C--;
        }
        else if (b > 0)
        {
            b -= n;
            if (b > 0) b = 0;
            if (C < 127) C++;
        }
        B = b;
    }
}

/// <summary>Statistics of a run-interruption context (T.87 A.7.2): A, N, Nn and its RItype.</summary>
internal struct JpegLsRunContext
{
    public int A;
    public int N;
    public int Nn;
    public readonly int RIType;

    public JpegLsRunContext(int a, int riType)
    {
        A = a;
        N = 1;
        Nn = 0;
        RIType = riType;
    }

    public readonly int GolombK()
    {
        int temp = A + (N >> 1) * RIType;
        int k = 0;
        for (int n = N; n < temp; n <<= 1) k++;
        return k;
    }

    /// <summary>Undoes the error mapping of A.7.2.2 for a decoded EMErrval.</summary>
    public readonly int ErrorValue(int emErrval, int k)
    {
        int temp = emErrval + RIType;
        bool map = (temp & 1) != 0;
        int magnitude = (temp + (map ? 1 : 0)) >> 1;
        return (k != 0 || 2 * Nn >= N) == map ? -magnitude : magnitude;
    }

    public void Update(int errVal, int emErrval, int reset)
    {
        if (errVal < 0) Nn++;
        A += (emErrval + 1 - RIType) >> 1;
        if (N == reset)
        {
            A >>= 1;
            N >>= 1;
            Nn >>= 1;
        }
        N++;
    }
}
